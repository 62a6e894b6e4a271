@osv @oscc
Feature: OSCC routes the pilot calls, the CPS keeps the personal lines
  With OpenScape Contact Center the pilot +4950505803201 goes by code processing to the initial hunt
  group 5530 (hunt type manual): OSCC routes its calls to the attendants logged on as agents. The CPS
  keeps only the personal lines (C 4.5.1).

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
