@osv @processing
Feature: Park, hold and retrieve
  Parked and held calls wait on the CPS in the processing queue with music on hold, visible and
  controllable by the attendant, until the attendant retrieves them (C 2.1.1).

  Background:
    Given the topology "osv-example"
    And attendant "7580" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"

  Scenario: A parked call waits with music and is retrieved
    When attendant "7580" parks the call
    Then within 5 seconds the call from caller "Anna" is in the processing queue as "parked"
    And caller "Anna" hears music on hold
    When 2 minutes pass
    Then caller "Anna" hears music on hold
    When attendant "7580" retrieves the call from caller "Anna"
    Then within 5 seconds caller "Anna" is connected to "7580"
    When attendant "7580" releases the call
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And no call is lost

  Scenario: A held call waits with music and is retrieved
    When attendant "7580" puts the call on hold
    Then within 5 seconds the call from caller "Anna" is in the processing queue as "held"
    And caller "Anna" hears music on hold
    When attendant "7580" retrieves the call from caller "Anna"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And no call is lost

  Scenario: The attendant serves another caller while one call is parked
    When attendant "7580" parks the call
    And caller "Ben" dials "3201"
    Then within 5 seconds caller "Ben" is connected to "7580"
    And the call from caller "Anna" is in the processing queue as "parked"
    When attendant "7580" releases the call
    And attendant "7580" retrieves the call from caller "Anna"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And within 5 seconds the call from caller "Ben" ends as "answered"
    And no call is lost

  Scenario: A parked caller who hangs up leaves the processing queue
    When attendant "7580" parks the call
    Then within 5 seconds the call from caller "Anna" is in the processing queue as "parked"
    When caller "Anna" hangs up
    Then within 5 seconds the call from caller "Anna" ends as "abandoned"
    And the CPS uses 0 processing channels
    And no call is lost
