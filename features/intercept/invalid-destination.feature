@osv @intercept
Feature: Calls to numbers that are not assigned
  The public network endpoint's feature profile (EPP_FPRVC_Site1) has the service "Call Forward
  Invalid Destination" pointing at the DDI entry named "invalid destination" (+4950505803219): a
  public call to an unassigned number of the business group reaches the attendants there instead of
  failing (C 4.4.4 note).

  Background:
    Given the topology "osv-example"

  Scenario: A public call to an unassigned number queues at the invalid destination entry
    Given attendant "7580" is logged on and unavailable
    When caller "Anna" dials "+4950505807999"
    Then within 5 seconds caller "Anna" is queued at "3219"
    And caller "Anna" hears music on hold
    When attendant "7580" becomes available
    Then within 5 seconds caller "Anna" is connected to "7580"
    And no call is lost

  Scenario: An assigned number is not affected
    Given "7004" does not answer
    When caller "Ben" dials "7004"
    Then within 5 seconds the call from caller "Ben" rings at "7004"
    And the call from caller "Ben" was not handled by the CPS
    And no call is lost
