@osv @acd
Feature: RNA timeout
  A pushed call rings at an attendant for at most the RNA timeout (15 s in osv-example); then the
  CPS takes it back, sets that attendant Unavailable and routes the call to another attendant.

  Background:
    Given the topology "osv-example"
    And the routing type of tenant "DEFAULT" is "automatic distribution"

  Scenario: RNA timeout re-routes the call
    Given attendant "7580" is logged on
    And attendant "7581" is logged on and unavailable
    And "7580" does not answer
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at attendant "7580"
    When attendant "7581" becomes available
    Then within 16 seconds attendant "7580" is unavailable
    And within 5 seconds caller "Anna" is connected to "7581"
    And no call is lost

  Scenario: RNA timeout from the DDI entry overrides the tenant's
    Given the DDI entry "3201" has these settings:
      | setting     | value     |
      | RNA timeout | 5 seconds |
    And attendants "7580", "7581" are logged on
    And "7580" does not answer
    And "7581" does not answer
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at one of "7580", "7581"
    When 6 seconds pass
    Then the call from caller "Anna" rings at one of "7580", "7581"
    And within 6 seconds caller "Anna" is queued at "3201"
    And attendant "7580" is unavailable
    And attendant "7581" is unavailable
    And no call is lost
