@osv @csta
Feature: CSTA link loss and recovery
  The CSTA link monitors and controls the attendant phones. While it is down the CPS cannot push
  calls to attendants; callers keep waiting in the queue. When it comes back, distribution resumes.
  On a redundant installation a lost CSTA link is a switch-over trigger (C 2.3).

  Scenario: Calls wait while the link is down and are distributed after it returns
    Given the topology "osv-example"
    And attendant "7580" is logged on
    When the CSTA link fails
    And caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is queued at "3201"
    And caller "Anna" hears music on hold
    When 1 minute pass
    Then caller "Anna" is queued at "3201"
    When the CSTA link is restored
    Then within 30 seconds caller "Anna" is connected to "7580"
    And no call is lost

  Scenario: A call being handled survives the link loss
    Given the topology "osv-example"
    And attendant "7580" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    When the CSTA link fails
    And 20 seconds pass
    Then caller "Anna" is connected to "7580"
    When the CSTA link is restored
    And attendant "7580" releases the call
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And no call is lost

  @standby
  Scenario: A lost CSTA link switches over to the standby
    Given the topology "osv-standby"
    When the CSTA link fails
    Then within 40 seconds the standby CPS is active
    And no call is lost
