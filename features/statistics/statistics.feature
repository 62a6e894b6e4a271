@osv @statistics
Feature: Call statistics per pilot number
  The CPS keeps call data per pilot number, personal line and attendant from its call records:
  offered, answered, abandoned, overflowed, forwarded, fallback, average and longest wait and the
  service level (C 2.1).

  Background:
    Given the topology "osv-example"

  Scenario: Answered and abandoned calls are counted at their pilot number
    Given attendant "7580" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    When caller "Ben" dials "3201"
    And caller "Cleo" dials "3201"
    Then within 5 seconds caller "Cleo" is queued at "3201"
    When caller "Cleo" hangs up
    Then within 5 seconds the call from caller "Cleo" ends as "abandoned"
    When attendant "7580" releases the call
    Then within 10 seconds caller "Ben" is connected to "7580"
    And within 5 seconds the statistics of "3201" show 3 offered, 2 answered and 1 abandoned
    And the statistics of "3202" show 0 offered, 0 answered and 0 abandoned
    And no call is lost

  Scenario: A call still waiting is offered but neither answered nor abandoned
    Given attendant "7580" is logged on and unavailable
    When caller "Dora" dials "3202"
    Then within 5 seconds caller "Dora" is queued at "3202"
    And the statistics of "3202" show 1 offered, 0 answered and 0 abandoned
    And no call is lost
