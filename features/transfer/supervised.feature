@osv @transfer
Feature: Supervised transfer
  The caller stays on one CPS channel with music while a second channel rings the target; they are
  joined only when the target answers. A busy or unanswered target leaves the call on the CPS,
  visible and controllable by the attendant; the target is no longer called after the max transfer
  time (30 s in osv-example).

  Background:
    Given the topology "osv-example"
    And attendant "7580" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"

  Scenario: Transfer answered
    Given "7001" answers calls after 4 seconds
    When attendant "7580" transfers the call to "7001"
    Then within 2 seconds the call from caller "Anna" is in the processing queue as "transferring"
    And caller "Anna" hears music on hold
    And within 2 seconds the call from caller "Anna" rings at "7001"
    And within 6 seconds caller "Anna" is connected to "7001"
    And attendant "7580" is available
    When "7001" hangs up
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And no call is lost

  Scenario: Transfer to a busy target stays on the CPS
    Given "7002" is busy
    When attendant "7580" transfers the call to "7002"
    Then within 5 seconds caller "Anna" hears music on hold
    And within 5 seconds the call from caller "Anna" is in the processing queue as "held"
    When attendant "7580" retrieves the call from caller "Anna"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And no call is lost

  Scenario: Transfer unanswered until the max transfer time
    Given "7003" does not answer
    When attendant "7580" transfers the call to "7003"
    Then within 5 seconds the call from caller "Anna" rings at "7003"
    When 25 seconds pass
    Then the call from caller "Anna" is in the processing queue as "transferring"
    And within 10 seconds the call from caller "Anna" is in the processing queue as "held"
    And caller "Anna" hears music on hold
    When attendant "7580" retrieves the call from caller "Anna"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And no call is lost

  Scenario: The target rejects the transfer
    When attendant "7580" transfers the call to "7004"
    Then within 5 seconds the call from caller "Anna" rings at "7004"
    When "7004" rejects the call
    Then within 5 seconds the call from caller "Anna" is in the processing queue as "held"
    And caller "Anna" hears music on hold
    And no call is lost
