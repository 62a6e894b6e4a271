@os4000 @fallback
Feature: Fallback to the hunt group on OpenScape 4000
  The LCR route sends pilot calls to the CPS trunk (LVAL 1); when the trunk cannot be seized,
  LVAL 2 reroutes them to hunt group 5520 with the attendants (C 5.2.2, 5.4.5).

  Background:
    Given the topology "os4000-example"
    And the CPS is down

  Scenario: Pilot call is rerouted to the hunt group by LCR
    When caller "Anna" dials "9000"
    Then within 5 seconds the call from caller "Anna" rings at one of "7580", "7581", "7582", "7583"
    And the call from caller "Anna" was not handled by the CPS
    When "7580" answers
    Then within 2 seconds caller "Anna" is connected to "7580"
    When caller "Anna" hangs up
    Then within 5 seconds the call from caller "Anna" ends as "fallback"
    And no call is lost

  Scenario: Personal line call is rerouted to the hunt group by LCR
    When caller "Ben" dials "9200"
    Then within 5 seconds the call from caller "Ben" rings at one of "7580", "7581", "7582", "7583"
    And the call from caller "Ben" was not handled by the CPS
    And no call is lost
