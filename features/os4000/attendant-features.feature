@os4000 @attendant
Feature: Malicious call trace and busy override on OpenScape 4000
  Attendant devices have the class of service for malicious call identification (key code *17, C 5.8)
  and knocking override (key code *19, C 5.9).

  Background:
    Given the topology "os4000-example"

  Scenario: An attendant traces the caller it talks to with *17
    Given attendant "7580" is logged on
    When caller "Anna" dials "9000"
    Then within 5 seconds caller "Anna" is connected to "7580"
    When "7580" dials "*17"
    Then within 2 seconds the OpenScape 4000 traced the call from caller "Anna" as malicious
    And caller "Anna" is connected to "7580"
    And no call is lost

  Scenario: *17 without a call traces nothing
    When "7581" dials "*17"
    And 2 seconds pass
    Then the OpenScape 4000 traced no call as malicious
    And no call is lost

  Scenario: An office phone has no malicious call trace
    When caller "Anna" dials "7001"
    Then within 5 seconds the call from caller "Anna" rings at "7001"
    When "7001" answers
    Then within 2 seconds caller "Anna" is connected to "7001"
    When "7001" dials "*17"
    And 2 seconds pass
    Then the OpenScape 4000 traced no call as malicious
    And no call is lost

  Scenario: An attendant overrides a busy attendant with *19
    Given attendant "7581" is logged on
    When caller "Anna" dials "9000"
    Then within 5 seconds caller "Anna" is connected to "7581"
    When "7580" dials "*197581"
    Then within 2 seconds "7581" rings with a call from "7580"
    And caller "Anna" is connected to "7581"
    And no call is lost
