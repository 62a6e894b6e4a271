@osbiz @unifyphone
Feature: No calls with the Unify Phone client: each cause of the FAQ
  Each cause the FAQ lists for "no calls with Unify Phone-Client possible" refuses the client's call over the trunk
  with that cause named (U 5.3). Without any of them the call connects.

  Background:
    Given the topology "osbiz-unifyphone"

  Scenario: A client call connects when nothing is wrong
    When Unify Phone user "2131" calls "+4930111"
    Then within 5 seconds 1 Unify Phone calls are connected
    And no call is lost

  Scenario: The system is not under software support
    Given "osbiz" is not under software support
    When Unify Phone user "2131" calls "+4930111"
    Then within 5 seconds the Unify Phone call of "2131" is refused with "OpenScape Business is not under Software support"
    And 0 Unify Phone calls are connected
    And no call is lost

  Scenario: No Unify Phone trunk lines are configured
    Given "osbiz" has 0 Unify Phone trunk lines
    Then 0 simultaneous Unify Phone calls are allowed
    When Unify Phone user "2131" calls "+4930111"
    Then within 5 seconds the Unify Phone call of "2131" is refused with "no Unify Phone trunk lines are configured, or all Unify Phone trunk lines resp. shared trunk lines are busy"
    And no call is lost

  Scenario: The Mobility User has no license
    Given the Unify Phone license of "2131" is taken away
    When Unify Phone user "2131" calls "+4930111"
    Then within 5 seconds the Unify Phone call of "2131" is refused with "assigned Mobility User does not have a license or Unify Phone license is expired"
    When Unify Phone user "2134" calls "+4930111"
    Then within 5 seconds 1 Unify Phone calls are connected
    And no call is lost

  Scenario: The Mobility User is not a Trusted External User
    Given the station type of Unify Phone user "2131" is changed to "mobilityUser" in Expert Mode
    When Unify Phone user "2131" calls "+4930111"
    Then within 5 seconds the Unify Phone call of "2131" is refused with "Mobility User is not of type 'Trusted external User'"
    And no call is lost

  Scenario: The route parameter Trusted External Users is off
    Given the route flag "Trusted External Users" of "osbiz" is off
    When Unify Phone user "2131" calls "+4930111"
    Then within 5 seconds the Unify Phone call of "2131" is refused with "Route parameter 'Trusted external User' is deactivated"
    And no call is lost

  Scenario: The mobile call number does not match the numbering plan
    Given the trusted external station call number of "2131" is changed to "+4923026672199" in Expert Mode
    When Unify Phone user "2131" calls "+4930111"
    Then within 5 seconds the Unify Phone call of "2131" is refused with "the Mobile call number does not match the Unify Phone numbering plan"
    And no call is lost

  Scenario: The user was changed in Expert Mode instead of the wizard
    Given the Unify Phone user "2131" is edited in Expert Mode
    When Unify Phone user "2131" calls "+4930111"
    Then within 5 seconds the Unify Phone call of "2131" is refused with "configuration changes are applied via Expert Mode and not via the Wizard(s)"
    And no call is lost
