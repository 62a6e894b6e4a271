@osv @acd
Feature: Max time in queue and the time overflow variant
  A call that waits longer than the max time in incoming queue goes to the time overflow variant
  of its DDI entry; Main's is "Night Variant internal", forwarding to the office phone 7890.
  A call sent to the time overflow variant ends as "overflow", whatever the variant's mode.

  Background:
    Given the topology "osv-example"
    And attendant "7580" is logged on and unavailable

  Scenario: After 120 seconds in the queue the call overflows to the office phone
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is queued at "3201"
    When 110 seconds pass
    Then caller "Anna" is queued at "3201"
    And within 15 seconds the call from caller "Anna" rings at "7890"
    When "7890" answers
    Then within 2 seconds caller "Anna" is connected to "7890"
    When "7890" hangs up
    Then within 5 seconds the call from caller "Anna" ends as "overflow"
    And no call is lost

  Scenario Outline: The DDI entry's max time in queue of <limit> applies
    Given the DDI entry "3201" has these settings:
      | setting                    | value    |
      | max time in incoming queue | <limit>  |
      | time overflow variant      | <variant> |
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is queued at "3201"
    And within <window> the call from caller "Anna" ends as "overflow"
    And no call is lost

    Examples:
      | limit      | variant                       | window     |
      | 30 seconds | Service Hotline - Busy        | 45 seconds |
      | 1 minute   | Night Variant external        | 90 seconds |
