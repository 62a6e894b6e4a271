@osv @sip-only
Feature: A CPS without a CSTA link (SIP only)
  Without a CSTA link the CPS still pushes calls to attendant devices by INVITE through the PBX, with
  the auto-answer header as usual, and connects caller and attendant through itself: both legs and
  both channels stay on the CPS until one side hangs up. What needs CSTA (forwarding to the personal
  line, busy lamps, agent state, answering from the client) is reported unavailable (C 2.1).

  Background:
    Given the topology "osv-example"
    And the PBX link of the CPS is SIP only

  Scenario: A pilot call is pushed and bridged on the CPS
    Given attendant "7580" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And the CPS uses 1 processing channels
    And the CPS reports "forwarding to the personal line" as unavailable
    And the CPS reports "busy lamps" as unavailable
    When attendant "7580" releases the call
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And the CPS uses 0 processing channels
    And no call is lost

  Scenario: The attendant hangs up at the phone and takes the next call
    Given attendant "7580" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    When caller "Ben" dials "3201"
    Then within 5 seconds caller "Ben" is queued at "3201"
    When "7580" hangs up
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And within 5 seconds caller "Ben" is connected to "7580"
    When caller "Ben" hangs up
    Then within 5 seconds the call from caller "Ben" ends as "answered"
    And attendant "7580" is available
    And no call is lost

  Scenario: A bridged call is parked and retrieved without CSTA
    Given attendant "7580" is logged on
    When caller "Cleo" dials "3201"
    Then within 5 seconds caller "Cleo" is connected to "7580"
    When attendant "7580" parks the call
    Then within 5 seconds the call from caller "Cleo" is in the processing queue as "parked"
    And caller "Cleo" hears music on hold
    When attendant "7580" retrieves the call from caller "Cleo"
    Then within 5 seconds caller "Cleo" is connected to "7580"
    When attendant "7580" releases the call
    Then within 5 seconds the call from caller "Cleo" ends as "answered"
    And no call is lost

  Scenario: A bridged call is transferred to an office user
    Given attendant "7580" is logged on
    When caller "Dora" dials "3201"
    Then within 5 seconds caller "Dora" is connected to "7580"
    When attendant "7580" transfers the call to "7005"
    Then within 5 seconds the call from caller "Dora" rings at "7005"
    When "7005" answers
    Then within 5 seconds caller "Dora" is connected to "7005"
    And within 5 seconds the call from caller "Dora" ends as "answered"
    And no call is lost
