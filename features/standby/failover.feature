@osv @standby
Feature: Standby failover
  The standby CPS on osc2 calls the loop number every 10 s; the main CPS answers with a loop-back.
  After 2 loop calls in a row without loop-back the standby becomes active. There is no automatic
  switch back: the operator switches back to the primary server (osc1) by hand (C 2.3).

  Background:
    Given the topology "osv-standby"
    And attendant "7580" is logged on

  Scenario: The standby takes over after the main server fails
    Then the CPS on "osc1" is active
    When 1 minute pass
    Then the CPS on "osc1" is active
    When the main server fails
    Then within 35 seconds the standby CPS is active
    And the CPS on "osc2" is active
    And the CPS is registered at "osv"
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And no call is lost

  Scenario: No automatic switch back; the operator switches back by hand
    When the main server fails
    Then within 35 seconds the standby CPS is active
    When 10 minutes pass
    Then the CPS on "osc2" is active
    When the operator switches back to the primary server
    Then within 30 seconds the CPS on "osc1" is active
    And within 5 seconds the CPS is registered at "osv"
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And no call is lost

  Scenario: The loop number does not fall back
    Given the CPS is down
    When caller "Loop" dials "3300"
    Then within 10 seconds the call from caller "Loop" ends as "failed"
    And the call from caller "Loop" was not handled by the CPS
    And no call is lost

  Scenario: Losing the network to the main CPS triggers the switch-over
    When the network between "osv" and "cps" is cut
    Then within 35 seconds the standby CPS is active
    When the network between "osv" and "cps" is restored
    And 5 minutes pass
    Then the CPS on "osc2" is active
    And no call is lost
