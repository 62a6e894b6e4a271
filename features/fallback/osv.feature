@osv @fallback
Feature: Fallback to the hunt group on OpenScape Voice
  Pilot-number and personal-line calls that cannot reach the CPS go to the fallback hunt group
  +4950505805520, whose members are the attendant devices (C 4.2.2, 4.4.3). Internal resources
  (loop, request and callback numbers) never fall back.

  Background:
    Given the topology "osv-example"
    And the CPS is down

  Scenario: Pilot call falls back to the hunt group
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at one of "7580", "7581", "7582", "7583"
    And the call from caller "Anna" was not handled by the CPS
    When "7580" answers
    Then within 2 seconds caller "Anna" is connected to "7580"
    When caller "Anna" hangs up
    Then within 5 seconds the call from caller "Anna" ends as "fallback"
    And no call is lost

  Scenario: Personal line call falls back to the hunt group
    When caller "Ben" from "+4930111" dials "3220"
    Then within 5 seconds the call from caller "Ben" rings at one of "7580", "7581", "7582", "7583"
    And the call from caller "Ben" was not handled by the CPS
    When "7580" answers
    Then within 2 seconds caller "Ben" is connected to "7580"
    When "7580" hangs up
    Then within 5 seconds the call from caller "Ben" ends as "fallback"
    And no call is lost

  Scenario Outline: Internal resource <number> does not fall back
    When caller "Cleo" dials "<number>"
    Then within 10 seconds the call from caller "Cleo" ends as "failed"
    And the call from caller "Cleo" was not handled by the CPS
    And no call is lost

    Examples:
      | number |
      | 3300   |
      | 3301   |
      | 3349   |
      | 3350   |
      | 3399   |
