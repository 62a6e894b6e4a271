@osbiz @unifyphone
Feature: Unify Phone user instances and MULAP teams
  Remove takes a user off the system only, Delete off the system and the cloud (U 3.3.3). A team with a Unify Phone
  user has exactly one IP or TDM desk phone, never a cordless; the team wizard gives the Unify Phone user the team's
  call number (U 3.4). Desk phone and Unify Phone routing need a team (U 3.6.4).

  Background:
    Given the topology "osbiz-unifyphone"

  Scenario: Remove keeps the cloud user, Delete removes it too
    When the Unify Phone user "2134" is removed
    Then the Unify Phone request is done
    And "2134" is no Unify Phone user of "osbiz"
    And the Unify Phone tenant has the user "user4.def@osbiz.com"
    When the Unify Phone user "2131" is deleted
    Then the Unify Phone request is done
    And "2131" is no Unify Phone user of "osbiz"
    And the Unify Phone tenant has no user "user1.abc@osbiz.com"
    And no call is lost

  Scenario: A team member cannot be removed
    When the Unify Phone user "42135" is removed
    Then the Unify Phone request is rejected with "42135 is in team 2135: take it out of the team first"
    And "42135" is a Unify Phone user of "osbiz"
    And no call is lost

  Scenario: A MULAP with a cordless phone is refused
    When the team "2136" is configured with Unify Phone user "2131" and the telephones "2136"
    Then the Unify Phone request is rejected with "Cordless subscribers are not approved in connection with Unify Phone"
    And the Unify Phone call number of "2131" is "855004923026672131"
    And no call is lost

  Scenario: A MULAP with a desk phone and a cordless phone is refused
    When the team "2137" is configured with Unify Phone user "2131" and the telephones "2137", "2136"
    Then the Unify Phone request is rejected with "Cordless subscribers are not approved in connection with Unify Phone"
    And no call is lost

  Scenario: A MULAP with two desk phones is refused
    When the team "2137" is configured with Unify Phone user "2131" and the telephones "2137", "2138"
    Then the Unify Phone request is rejected with "Only one IP or TDM desk phone can be included in the Team configuration with the Unify Phone User"
    And no call is lost

  Scenario: A MULAP with one TDM desk phone gives the user the team call number
    When the team "2138" is configured with Unify Phone user "2134" and the telephones "2138"
    Then the Unify Phone request is done
    And the Unify Phone call number of "2134" is "855004923026672138"
    When the Unify Phone user "2134" chooses the routing "Desk phone"
    Then the Unify Phone request is done
    And no call is lost

  Scenario: Desk phone routing needs a team
    When the Unify Phone user "2131" chooses the routing "Desk phone"
    Then the Unify Phone request is rejected with "the routing mode 'Desk phone' needs a MULAP team with a desk phone"
    When the Unify Phone user "2131" chooses the routing "Unify Phone"
    Then the Unify Phone request is rejected with "the routing mode 'Unify Phone' needs a MULAP team with a desk phone"
    And no call is lost
