@osv @registration
Feature: Register interval
  The CPS registers at the registrar with its Register Id; OpenScape Voice deactivates an endpoint
  that registers more often than every 300 s; 305 s is recommended (C 6.3.1.3).

  Background:
    Given the topology "osv-example"
    And attendant "7580" is logged on

  Scenario: 305 seconds keeps the CPS registered
    Given the CPS registers every 305 seconds
    Then within 10 seconds the CPS is registered at "osv"
    When 1 hour pass
    Then the CPS is registered at "osv"
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And no call is lost

  Scenario Outline: A register interval of <interval> gets the endpoint deactivated
    Given the CPS registers every <interval>
    When 20 minutes pass
    Then the CPS is not registered at "osv"
    When caller "Anna" dials "3201"
    Then within 10 seconds the call from caller "Anna" rings at one of "7580", "7581", "7582", "7583"
    And the call from caller "Anna" was not handled by the CPS
    And no call is lost

    Examples:
      | interval    |
      | 60 seconds  |
      | 299 seconds |
