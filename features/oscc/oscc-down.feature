@osv @oscc @fallback
Feature: OSCC down switches its hunt groups to UCD
  When OSCC is down its hunt groups switch from hunt type manual to UCD and the OSV hunts their
  members itself; only OSCC queues are affected: the personal lines stay with the CPS (C 4.5.2).

  Background:
    Given the topology "osv-oscc"

  Scenario: OSCC down switches its hunt groups to UCD
    Given the OSCC is down
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at one of "7580", "7581", "7582", "7583"
    And the call from caller "Anna" was not handled by the CPS
    And no call is lost

  Scenario: Waiting calls are hunted by UCD once OSCC fails
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at "5530"
    When the OSCC fails
    Then within 5 seconds the call from caller "Anna" rings at one of "7580", "7581", "7582", "7583"
    And no call is lost

  Scenario: OSCC down leaves the personal lines with the CPS
    Given the OSCC is down
    And attendant "7580" is logged on and unavailable
    When caller "Ben" dials "3220"
    Then within 5 seconds caller "Ben" is queued at "3220"
    And no call is lost
