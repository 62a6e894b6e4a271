@os4000 @intercept
Feature: Calls forwarded to a DDI entry are intercept calls on OpenScape 4000
  All calls forwarded to a DDI lookup entry (the redirecting party included) are shown in Concierge as
  intercept calls (C 5.4.5): the OpenScape 4000 sends them over the STMI trunk with a Diversion header.

  Background:
    Given the topology "os4000-example"

  Scenario: An office user's unconditional forwarding to the pilot makes an intercept call
    Given "7001" has call forwarding unconditional to "9000"
    And attendant "7580" is logged on
    When caller "Anna" dials "7001"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And the call from caller "Anna" is an intercept call
    When caller "Anna" hangs up
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And no call is lost

  Scenario: A call forwarded when busy is an intercept call
    Given "7002" is busy
    And "7002" forwards calls when busy to "9000"
    And attendant "7581" is logged on
    When caller "Ben" dials "7002"
    Then within 5 seconds caller "Ben" is connected to "7581"
    And the call from caller "Ben" is an intercept call
    And no call is lost

  Scenario: A call dialed to the pilot is not an intercept call
    Given attendant "7580" is logged on
    When caller "Cleo" dials "9000"
    Then within 5 seconds caller "Cleo" is connected to "7580"
    And the call from caller "Cleo" is not an intercept call
    And no call is lost
