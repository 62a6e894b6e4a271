@osv @personal-line
Feature: Personal line forwarding while busy
  While an attendant handles a Concierge call, the CPS sets call forwarding unconditional (CFU, via
  CSTA) from the attendant's device to the attendant's personal line, so direct calls queue in the
  CPS; 7580's personal line is +4950505803220 (C 4.3.3).

  Background:
    Given the topology "osv-example"
    And attendant "7580" is logged on

  Scenario: A direct call while the attendant is busy queues on the personal line
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And within 5 seconds "7580" has call forwarding unconditional to "3220"
    When caller "Ben" dials "7580"
    Then within 5 seconds caller "Ben" is queued at "3220"
    And caller "Ben" hears music on hold
    When attendant "7580" releases the call
    Then within 10 seconds caller "Ben" is connected to "7580"
    And no call is lost

  Scenario: A call to the personal line reaches the attendant
    When caller "Cleo" dials "3220"
    Then within 5 seconds caller "Cleo" is connected to "7580"
    And no call is lost

  Scenario: The switch carries out an office user's call forwarding unconditional
    Given "7005" has call forwarding unconditional to "7006"
    When caller "Cleo" dials "7005"
    Then within 5 seconds the call from caller "Cleo" rings at "7006"
    And "7005" has call forwarding unconditional to "7006"
    And the call from caller "Cleo" was not handled by the CPS
    And no call is lost
