@osv @standby
Feature: Which failed processes switch over, and what the secondary server does not run
  A failed core component (Concierge service, PABXLink connector or node, contact center node)
  switches every connection to the other server. The Concierge Provider Service alone failing is no
  complete switch-over: the standby's CPS takes the calls. ConfigSyncServer, CpsWorker, Realtime
  Server, UCNode, the external calendar and the ContactDataProvider are no triggers: only their
  functions are lost. While the secondary server is active, ConfigSyncServer and ContactDataProvider
  do not run: no configuration synchronisation and no phone book import (C 2.3.1, 2.3.3).

  Background:
    Given the topology "osv-standby"
    And attendant "7580" is logged on

  Scenario: Only the CPS of the main server fails: the standby's CPS takes the calls
    When the process "ConciergeProviderService" fails on the main server
    Then within 35 seconds the standby CPS is active
    And the CPS on "osc2" is active
    And the CPS is registered at "osv"
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And no call is lost

  Scenario: A failed process that is no trigger does not switch over
    When the process "ContactDataProvider" fails on the main server
    And the process "UCNode" fails on the main server
    And 1 minute pass
    Then the CPS on "osc1" is active
    And the CPS reports "directory import" as unavailable
    And the CPS reports "UC presence states" as unavailable
    When caller "Ben" dials "3201"
    Then within 5 seconds caller "Ben" is connected to "7580"
    And no call is lost

  Scenario: A failed PABXLink node switches over, and the secondary runs no synchronisation or import
    When the process "PABXLinkNode" fails on the main server
    Then within 35 seconds the standby CPS is active
    And the CPS reports "configuration synchronisation" as unavailable
    And the CPS reports "directory import" as unavailable
    When caller "Cleo" dials "3201"
    Then within 5 seconds caller "Cleo" is connected to "7580"
    When the operator switches back to the primary server
    Then within 30 seconds the CPS on "osc1" is active
    And no call is lost
