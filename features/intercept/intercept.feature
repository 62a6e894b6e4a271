@osv @intercept
Feature: Intercept calls
  An office user's call forwarding on no answer or when busy may point at a DDI entry of the CPS
  (+4950505803209 "Intercept" in the example). The PBX sends the diverted call with a Diversion
  header; the CPS types it as an intercept call, queues it with its tenant's intercept priority
  (4 in DEFAULT, more urgent than the standard 5) and shows it with the user it was meant for
  (C 4.3.4, 5.4.5).

  Background:
    Given the topology "osv-example"

  Scenario: A call an office user does not answer is forwarded to the attendants as an intercept call
    Given "7001" forwards calls on no answer to "3209" after 10 seconds
    And attendant "7580" is logged on
    When caller "Anna" dials "7001"
    Then within 2 seconds the call from caller "Anna" rings at "7001"
    And the call from caller "Anna" was not handled by the CPS
    When 9 seconds pass
    Then the call from caller "Anna" rings at "7001"
    Then within 3 seconds caller "Anna" is connected to "7580"
    And the call from caller "Anna" is an intercept call
    When attendant "7580" releases the call
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And no call is lost

  Scenario: A call to a busy office user is forwarded to the attendants as an intercept call
    Given "7002" is busy
    And "7002" forwards calls when busy to "3209"
    And attendant "7580" is logged on
    When caller "Ben" dials "7002"
    Then within 5 seconds caller "Ben" is connected to "7580"
    And the call from caller "Ben" is an intercept call
    And no call is lost

  Scenario: An intercept call is served before a standard call that waited longer
    Given "7003" is busy
    And "7003" forwards calls when busy to "3209"
    And attendant "7580" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    When caller "Ben" dials "3201"
    Then within 5 seconds caller "Ben" is queued at "3201"
    When 2 seconds pass
    And caller "Cleo" dials "7003"
    Then within 5 seconds caller "Cleo" is queued at "3209"
    And the call from caller "Cleo" is an intercept call
    And caller "Cleo" hears music on hold
    When attendant "7580" releases the call
    Then within 5 seconds caller "Cleo" is connected to "7580"
    And caller "Ben" is queued at "3201"
    And no call is lost

  Scenario: A call dialled straight to the intercept entry is not an intercept call
    Given attendant "7580" is logged on and unavailable
    When caller "Dora" dials "3209"
    Then within 5 seconds caller "Dora" is queued at "3209"
    And the call from caller "Dora" is not an intercept call
    And no call is lost
