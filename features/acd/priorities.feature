@osv @acd
Feature: Priorities
  Priorities per call type order the caller queue and the ACD: the higher-priority call is
  distributed first even when it arrived later. Priority 1 is the highest.

  Background:
    Given the topology "osv-example"
    And the routing type of tenant "DEFAULT" is "automatic distribution"
    And the DDI entry "3202" has these settings:
      | setting  | value |
      | priority | 1     |
    And the DDI entry "3201" has these settings:
      | setting  | value |
      | priority | 5     |
    And attendant "7580" is logged on and unavailable

  Scenario: The higher-priority call is distributed first
    When caller "Anna" dials "3201"
    And 10 seconds pass
    And caller "Ben" dials "3202"
    Then within 5 seconds caller "Ben" is queued at "3202"
    And caller "Anna" is queued at "3201"
    When attendant "7580" becomes available
    Then within 5 seconds caller "Ben" is connected to "7580"
    And caller "Anna" is queued at "3201"
    And no call is lost

  Scenario: Equal priorities are served in arrival order
    When caller "Anna" dials "3201"
    And 1 second pass
    And caller "Ben" dials "3201"
    And attendant "7580" becomes available
    Then within 5 seconds caller "Anna" is connected to "7580"
    And within 5 seconds caller "Ben" is queued at "3201"
    And no call is lost
