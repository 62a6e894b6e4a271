@os4000 @fallback
Feature: LCR reroute to the hunt group on OpenScape 4000
  Pilot and personal-line calls go over LCR route 181: LVAL 1 seizes the STMI trunk group to the CPS,
  LVAL 2 reroutes internally (LODR outpulse 5520) to the cyclic hunt group 5520 with the attendants when
  the trunk cannot be seized: the CPS is down or unregistered, or all B channels are busy (C 5.2.2, 5.4.5).
  Internal resources (loop, request, callback numbers) never reroute.

  Background:
    Given the topology "os4000-example"

  Scenario: Pilot call reaches the CPS over the STMI trunk while it is up
    When caller "Anna" dials "9000"
    Then within 5 seconds caller "Anna" is queued at "9000"
    And the STMI trunk has 1 B channels in use
    And caller "Anna" hears music on hold
    And no call is lost

  Scenario: A full trunk reroutes the next pilot call to the hunt group
    Given the STMI trunk has 2 B channels
    When caller "Anna" dials "9000"
    And caller "Ben" dials "9001"
    Then within 5 seconds caller "Anna" is queued at "9000"
    And within 5 seconds caller "Ben" is queued at "9001"
    And the STMI trunk has 2 B channels in use
    When caller "Cleo" dials "9000"
    Then within 5 seconds the call from caller "Cleo" rings at one of "7580", "7581", "7582", "7583"
    And the call from caller "Cleo" was not handled by the CPS
    And the STMI trunk has 2 B channels in use
    When "7580" answers
    Then within 2 seconds caller "Cleo" is connected to "7580"
    When caller "Cleo" hangs up
    Then within 5 seconds the call from caller "Cleo" ends as "fallback"
    And no call is lost

  Scenario: A freed channel takes the next call to the CPS again
    Given the STMI trunk has 1 B channels
    When caller "Anna" dials "9000"
    Then within 5 seconds caller "Anna" is queued at "9000"
    When caller "Ben" dials "9000"
    Then within 5 seconds the call from caller "Ben" rings at one of "7580", "7581", "7582", "7583"
    When caller "Anna" hangs up
    Then within 5 seconds the STMI trunk has 0 B channels in use
    When caller "Dora" dials "9000"
    Then within 5 seconds caller "Dora" is queued at "9000"
    And no call is lost

  Scenario: The cyclic hunt group rings the next attendant for the next call
    Given the CPS is down
    When caller "Anna" dials "9000"
    Then within 5 seconds the call from caller "Anna" rings at "7580"
    When caller "Ben" dials "9001"
    Then within 5 seconds the call from caller "Ben" rings at "7581"
    And no call is lost

  Scenario: Calls reroute once the CPS fails
    When caller "Anna" dials "9000"
    Then within 5 seconds caller "Anna" is queued at "9000"
    When the CPS fails
    And 10 seconds pass
    And caller "Ben" dials "9200"
    Then within 5 seconds the call from caller "Ben" rings at one of "7580", "7581", "7582", "7583"
    And the call from caller "Ben" was not handled by the CPS
    And no call is lost

  Scenario Outline: Internal resource <number> does not reroute
    Given the CPS is down
    When caller "Cleo" dials "<number>"
    Then within 10 seconds the call from caller "Cleo" ends as "failed"
    And the call from caller "Cleo" was not handled by the CPS
    And no call is lost

    Examples:
      | number |
      | 9300   |
      | 9301   |
      | 9350   |
