@osv @cps
Feature: CPS crash while callers wait
  When the CPS process crashes, the calls it held are dropped and the CPS unregisters; new pilot and
  personal-line calls go to the fallback hunt group until the CPS restarts and registers again.

  Background:
    Given the topology "osv-example"
    And attendant "7580" is logged on and unavailable
    When 3 callers dial "3201"
    Then within 5 seconds the caller queue of "3201" holds 3 calls

  Scenario: Waiting callers are cleared and new calls fall back
    When the CPS fails
    Then within 10 seconds the call from caller "caller 1" ends as "failed"
    And within 10 seconds the call from caller "caller 2" ends as "failed"
    And within 10 seconds the call from caller "caller 3" ends as "failed"
    When caller "Anna" dials "3201"
    Then within 10 seconds the call from caller "Anna" rings at one of "7580", "7581", "7582", "7583"
    And the call from caller "Anna" was not handled by the CPS
    And no call is lost

  Scenario: After a restart the CPS registers and queues calls again
    When the CPS fails
    And 30 seconds pass
    And the CPS restarts
    Then within 30 seconds the CPS is registered at "osv"
    And the CPS uses 0 processing channels
    When caller "Ben" dials "3201"
    Then within 5 seconds caller "Ben" is queued at "3201"
    And no call is lost
