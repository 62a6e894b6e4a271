@osv @oscc
Feature: OSCC routes the pilot calls, the CPS keeps the personal lines
  With OpenScape Contact Center the pilot +4950505803201 goes by code processing to the initial hunt
  group 5530 (hunt type manual): OSCC routes its calls to the attendants logged on as agents. The CPS
  keeps only the personal lines (C 4.5.1). A call no agent takes within the initial wait (5 s) moves to
  the music-on-hold hunt group 5531, which answers it with music until an agent takes it (C 4.5.4).

  Background:
    Given the topology "osv-oscc"

  Scenario: OSCC routes a pilot call to an attendant logged on as agent
    Given attendant "7581" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at "7581"
    And the call from caller "Anna" was not handled by the CPS
    When "7581" answers
    Then within 2 seconds caller "Anna" is connected to "7581"
    And no call is lost

  Scenario: Without an agent the pilot call waits in the initial hunt group
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at "5530"
    And within 2 seconds caller "Anna" hears ringing
    Given attendant "7582" is logged on
    Then within 5 seconds the call from caller "Anna" rings at "7582"
    And no call is lost

  Scenario: The CPS keeps the personal lines
    Given attendant "7580" is logged on and unavailable
    When caller "Ben" dials "3220"
    Then within 5 seconds caller "Ben" is queued at "3220"
    When attendant "7580" becomes available
    Then within 5 seconds caller "Ben" is connected to "7580"
    And no call is lost

  Scenario: A call no agent takes moves to the music-on-hold hunt group
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at "5530"
    And within 2 seconds caller "Anna" hears ringing
    Then within 10 seconds caller "Anna" hears music on hold
    And the call from caller "Anna" rings at "5531"
    And the call from caller "Anna" was not handled by the CPS
    Given attendant "7580" is logged on
    Then within 5 seconds the call from caller "Anna" rings at "7580"
    And caller "Anna" hears music on hold
    When "7580" answers
    Then within 2 seconds caller "Anna" is connected to "7580"
    When caller "Anna" hangs up
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And no call is lost
