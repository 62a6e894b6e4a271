@osbiz @unifyphone
Feature: Unify Phone with OpenScape Business
  The tenant JWT must be Active or Expiring; call numbers are seizure code + 00 + country code +
  location number + call number; the upstream bandwidth limits simultaneous calls (U 2.5, 3.2, 3.3).

  Background:
    Given the topology "osbiz-unifyphone"

  Scenario: A JWT expiring within a month is shown as Expiring
    Given the Unify Phone tenant JWT expires in 20 days
    Then the JWT status is "Expiring"
    When 21 days pass
    Then the JWT status is "Expired"
    And no call is lost

  Scenario: The international call number of a user
    Then the Unify Phone call number of "2131" is "855004923026672131"
    And 16 simultaneous Unify Phone calls are allowed
    And no call is lost

  Scenario: A call number breaking the E.164 length is rejected
    # 49 + 2302 + 667 + 7654321 is 16 digits, one more than E.164 allows (U 3.3.3).
    When the Unify Phone user "7654321" is created with DID "7654321", first name "Eve", last name "Long" and e-mail "eve@example.com"
    Then the Unify Phone user creation is rejected with "the number does not fit into the E.164 format length restriction: update the Unify Phone route location number and the numbering schema by clicking [Validate Numbers]"
    And "7654321" is no Unify Phone user of "osbiz"
    And the Unify Phone tenant has no user "eve@example.com"
    And no call is lost

  Scenario: Regenerating the API key disconnects the system
    Then "osbiz" is connected to the Unify Phone REST API
    When the Unify Phone API key is regenerated
    Then "osbiz" has no connection to the Unify Phone REST API
    And the Unify Phone trunk of "osbiz" is not registered
    And no call is lost

  Scenario: Users are imported from CSV
    When the Unify Phone users are imported from:
      | emailAddress      | firstName | lastName | locale |
      | user6@example.com | User6     | Abc      | de     |
      | user7@example.com | User7     | Abc      | en     |
    Then the Unify Phone import accepts line 2
    And the Unify Phone import accepts line 3
    And the Unify Phone import added its users
    And the Unify Phone tenant has the user "user6@example.com"
    And the Unify Phone tenant has the user "user7@example.com"
    And no call is lost

  Scenario: Routing to the alternative number
    Given the Unify Phone routing of "2134" is "Alternative number"
    And the alternative number of "2134" is "+4930111"
    When caller "Anna" dials "2134"
    Then within 2 seconds the call from caller "Anna" rings only at "+4930111"
    When "+4930111" answers
    Then caller "Anna" is connected to "+4930111"
    And no call is lost
