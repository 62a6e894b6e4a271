@osv @acd
Feature: Automatic distribution and pick only
  With automatic distribution the CPS pushes each call to an available attendant, whose phone
  answers at once; with pick only the calls wait in the caller queue until an attendant picks one
  (C 2.1.1, 8.3).

  Background:
    Given the topology "osv-example"

  Scenario: A call is pushed to the available attendant
    Given the routing type of tenant "DEFAULT" is "automatic distribution"
    And attendant "7580" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    When attendant "7580" releases the call
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And attendant "7580" is available
    And no call is lost

  Scenario: Unavailable attendants get no pushed calls
    Given the routing type of tenant "DEFAULT" is "automatic distribution"
    And attendant "7580" is logged on and unavailable
    And attendant "7581" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7581"
    And attendant "7580" is unavailable
    And no call is lost

  Scenario: Calls wait in the queue until an attendant becomes available
    Given the routing type of tenant "DEFAULT" is "automatic distribution"
    And attendant "7580" is logged on and unavailable
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is queued at "3201"
    And caller "Anna" hears music on hold
    When attendant "7580" becomes available
    Then within 5 seconds caller "Anna" is connected to "7580"
    And the caller queue of "3201" holds 0 calls
    And no call is lost

  Scenario: Pick only leaves calls in the caller queue
    Given the routing type of tenant "DEFAULT" is "pick only"
    And attendants "7580", "7581" are logged on
    When caller "Anna" dials "3201"
    And caller "Ben" dials "3201"
    Then within 5 seconds the caller queue of "3201" holds 2 calls
    When 30 seconds pass
    Then caller "Anna" is queued at "3201"
    And caller "Ben" is queued at "3201"
    When attendant "7581" picks the call from caller "Ben"
    Then within 5 seconds caller "Ben" is connected to "7581"
    When attendant "7580" picks the next call
    Then within 5 seconds caller "Anna" is connected to "7580"
    And the caller queue of "3201" holds 0 calls
    And no call is lost

  Scenario: A caller who hangs up in the queue is abandoned
    Given the routing type of tenant "DEFAULT" is "pick only"
    And attendant "7580" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is queued at "3201"
    When caller "Anna" hangs up
    Then within 5 seconds the call from caller "Anna" ends as "abandoned"
    And the caller queue of "3201" holds 0 calls
    And no call is lost
