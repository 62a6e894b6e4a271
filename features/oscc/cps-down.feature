@osv @oscc @fallback
Feature: CPS down with OSCC: only the personal lines fall back
  When the CPS is down the OSCC queues are unaffected (OSCC keeps routing the pilot to its agents)
  and the personal lines fall back to the hunt group 5520 (C 4.5.2).

  Background:
    Given the topology "osv-oscc"

  Scenario: CPS down: the pilot stays with OSCC and the personal line falls back
    Given the CPS is down
    And attendant "7583" is logged on
    When caller "Anna" dials "3201"
    And caller "Ben" dials "3223"
    Then within 5 seconds the call from caller "Anna" rings at "7583"
    And within 5 seconds the call from caller "Ben" rings at one of "7580", "7581", "7582"
    And the call from caller "Ben" was not handled by the CPS
    And the call from caller "Anna" was not handled by the CPS
    And no call is lost
