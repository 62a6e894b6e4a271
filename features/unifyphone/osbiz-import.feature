@osbiz @unifyphone
Feature: Unify Phone users imported from a CSV file
  The file is CSV UTF-8 with the camel-case header emailAddress,firstName,lastName,locale. The header is checked,
  every row is accepted or refused with its line number and reason, and nothing is imported unless every row is
  accepted (U 2.4). Each table row below is one line of the file, the first its header as written.

  Background:
    Given the topology "osbiz-unifyphone"

  Scenario: A header not in camel case is refused
    When the Unify Phone users are imported from the CSV file:
      | EmailAddress      | FirstName | LastName | Locale |
      | anna@example.com  | Anna      | Alt      | de-DE  |
    Then the Unify Phone import is refused with "line 1: the header must be in camel case: emailAddress,firstName,lastName,locale (found EmailAddress,FirstName,LastName,Locale)"
    And the Unify Phone import added no user
    And the Unify Phone tenant has no user "anna@example.com"
    And no call is lost

  Scenario: A header with other columns is refused
    When the Unify Phone users are imported from the CSV file:
      | email             | name      | locale |
      | anna@example.com  | Anna Alt  | de-DE  |
    Then the Unify Phone import is refused with "line 1: the header must be emailAddress,firstName,lastName,locale (found email,name,locale)"
    And the Unify Phone tenant has no user "anna@example.com"
    And no call is lost

  Scenario: Bad rows are refused with their line and reason and nothing is imported
    When the Unify Phone users are imported from the CSV file:
      | emailAddress         | firstName | lastName | locale |
      | anna@example.com     | Anna      | Alt      | de-DE  |
      | bert.example.com     | Bert      | Bau      | de-DE  |
      | carla@example.com    | Carla     |          | it-IT  |
      | dora@example.com     | Dora      | Dorn     | german |
      | anna@example.com     | Anna      | Again    | de-DE  |
      | user1.abc@osbiz.com  | User1     | Abc      | de-DE  |
    Then the Unify Phone import accepts line 2
    And the Unify Phone import refuses line 3 with "line 3: emailAddress 'bert.example.com' is not an e-mail address"
    And the Unify Phone import refuses line 4 with "line 4: lastName is empty"
    And the Unify Phone import refuses line 5 with "line 5: locale 'german' is not a language tag such as de-DE"
    And the Unify Phone import refuses line 6 with "line 6: emailAddress anna@example.com is already on line 2"
    And the Unify Phone import refuses line 7 with "line 7: user1.abc@osbiz.com is already a user of the tenant"
    And the Unify Phone import added no user
    And the Unify Phone tenant has no user "anna@example.com"
    And no call is lost

  Scenario: A file in camel case with good rows is imported
    When the Unify Phone users are imported from the CSV file:
      | emailAddress             | firstName | lastName | locale |
      | albert.admin@aptg.info   | Albert    | Admin    | de-DE  |
      | maria.may@aptg.info      | Maria     | May      | en-US  |
      | max.maxxis@aptg.info     | Max       | Maxxis   | fr-FR  |
      | robert.rodman@aptg.info  | Robert    | Rodman   | it-IT  |
    Then the Unify Phone import added its users
    And the Unify Phone tenant has the user "maria.may@aptg.info"
    And the Unify Phone tenant has the user "robert.rodman@aptg.info"
    And no call is lost
