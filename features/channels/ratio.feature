@channels
Feature: Channel ratio arithmetic
  2 operational channels are always reserved; of the rest, processing channels get R parts and
  operational channels one part: processing = (N − 2) / (1 + R) × R, operational =
  (N − 2) / (1 + R) + 2 (C 6.3.1.3). When the division is not exact, processing is rounded down
  and the remainder stays operational, so the split always adds up to N.

  Scenario Outline: <channels> channels with channel ratio <ratio>
    Given the topology "<topology>"
    And the CPS has <channels> channels with channel ratio <ratio>
    Then the CPS has <processing> processing channels and <operational> operational channels
    And no call is lost

    Examples: the guide's example and the slider's ends
      | topology       | channels | ratio | processing | operational |
      | osv-example    | 10       | 3     | 6          | 4           |
      | osv-example    | 10       | 1     | 4          | 6           |
      | osv-example    | 10       | 5     | 6          | 4           |
      | osv-example    | 12       | 2     | 6          | 6           |

    Examples: the maximum trunk sizes
      | topology       | channels | ratio | processing | operational |
      | osv-example    | 120      | 3     | 88         | 32          |
      | osv-example    | 250      | 5     | 206        | 44          |
      | os4000-example | 120      | 5     | 98         | 22          |
      | os4000-example | 3        | 1     | 0          | 3           |

  Scenario: The standard topologies run 30 channels with channel ratio 3
    Given the topology "osv-example"
    Then the CPS has 21 processing channels and 9 operational channels
    When 1 hour pass
    Then the CPS has 21 processing channels and 9 operational channels
    And no call is lost

  Scenario: OpenScape 4000 topology splits its STMI channels the same way
    Given the topology "os4000-example"
    Then the CPS has 21 processing channels and 9 operational channels
    And no call is lost
