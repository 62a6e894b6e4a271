@osv @oscc
Feature: OSCC routes the pilot calls, the CPS keeps the personal lines
  With OpenScape Contact Center the pilot +4950505803201 goes by code processing to the initial hunt
  group 5530 (hunt type manual): OSCC routes its calls to the attendants logged on as agents. The CPS
  keeps only the personal lines (C 4.5.1). When OSCC is down its hunt groups switch from manual to UCD
  and only OSCC queues are affected (C 4.5.2).

  Background:
    Given the topology "osv-oscc"

  Scenario: OSCC routes a pilot call to an attendant logged on as agent
    Given attendant "7581" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at "7581"
    And the call from caller "Anna" was not handled by the CPS
    When "7581" answers
    Then within 2 seconds caller "Anna" is connected to "7581"

  Scenario: Without an agent the pilot call waits in the initial hunt group
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at "5530"
    And within 2 seconds caller "Anna" hears ringing
    Given attendant "7582" is logged on
    Then within 5 seconds the call from caller "Anna" rings at "7582"

  Scenario: The CPS keeps the personal lines
    Given attendant "7580" is logged on and unavailable
    When caller "Ben" dials "3220"
    Then within 5 seconds caller "Ben" is queued at "3220"
    When attendant "7580" becomes available
    Then within 5 seconds caller "Ben" is connected to "7580"

  Scenario: OSCC down switches its hunt groups to UCD
    Given the OSCC is down
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at one of "7580", "7581", "7582", "7583"
    And the call from caller "Anna" was not handled by the CPS

  Scenario: Waiting calls are hunted by UCD once OSCC fails
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at "5530"
    When the OSCC fails
    Then within 5 seconds the call from caller "Anna" rings at one of "7580", "7581", "7582", "7583"

  Scenario: OSCC down leaves the personal lines with the CPS
    Given the OSCC is down
    And attendant "7580" is logged on and unavailable
    When caller "Ben" dials "3220"
    Then within 5 seconds caller "Ben" is queued at "3220"

  Scenario: CPS down: the pilot stays with OSCC and the personal line falls back
    Given the CPS is down
    And attendant "7583" is logged on
    When caller "Anna" dials "3201"
    And caller "Ben" dials "3223"
    Then within 5 seconds the call from caller "Anna" rings at "7583"
    And the call from caller "Ben" rings at one of "7580", "7581", "7582"
    And the call from caller "Ben" was not handled by the CPS
    And the call from caller "Anna" was not handled by the CPS

  Scenario: An attendant on a Unify Phone is refused with OSCC
    Given the topology "osv-oscc-unifyphone"
    Then attendant "7583" is refused when logging on
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at "5530"
    Given attendant "7580" is logged on
    Then within 5 seconds the call from caller "Anna" rings at "7580"
