@osbiz @unifyphone
Feature: Unify Phone call routing: who rings
  Default rings the Unify Phone and, in a MULAP, the desk phone; on no answer (15 s) the alternative number.
  Desk phone and Unify Phone (MULAP only) ring that device alone; Alternative number rings only the alternative
  number (U 3.6.3, 3.6.4). The Unify Phone rings over the connector trunk; User5's Unify Phone is shown as 42135.

  Background:
    Given the topology "osbiz-unifyphone"

  Scenario: Default routing of a standalone user rings its Unify Phone
    When caller "Anna" dials "2131"
    Then within 2 seconds the call from caller "Anna" rings only at "2131"
    When "2131" answers
    Then within 2 seconds caller "Anna" is connected to "2131"
    And no call is lost

  Scenario: Default routing of a MULAP rings the Unify Phone and the desk phone
    When caller "Anna" dials "2135"
    Then within 2 seconds the call from caller "Anna" rings only at "42135", "2135"
    When "2135" answers
    Then caller "Anna" is connected to "2135"
    When caller "Anna" hangs up
    Then the call from caller "Anna" ends as "answered"
    And no call is lost

  Scenario: Default routing goes to the alternative number when nobody answers
    Given the alternative number of "2135" is "+4930111"
    When caller "Anna" dials "2135"
    Then within 2 seconds the call from caller "Anna" rings only at "42135", "2135"
    When 10 seconds pass
    Then the call from caller "Anna" rings only at "42135", "2135"
    And within 10 seconds the call from caller "Anna" rings only at "+4930111"
    When "+4930111" answers
    Then caller "Anna" is connected to "+4930111"
    And no call is lost

  Scenario: Desk phone routing rings only the desk phone
    Given the Unify Phone routing of "2135" is "Desk phone"
    When caller "Anna" dials "2135"
    Then within 2 seconds the call from caller "Anna" rings only at "2135"
    When 5 seconds pass
    Then the call from caller "Anna" rings only at "2135"
    And no call is lost

  Scenario: Unify Phone routing rings only the Unify Phone
    Given the Unify Phone routing of "2135" is "Unify Phone"
    When caller "Anna" dials "2135"
    Then within 2 seconds the call from caller "Anna" rings only at "42135"
    When "42135" answers
    Then within 2 seconds caller "Anna" is connected to "42135"
    When caller "Anna" hangs up
    Then within 2 seconds the call from caller "Anna" ends as "answered"
    And no call is lost

  Scenario: Alternative number routing of a MULAP rings only the alternative number
    Given the Unify Phone routing of "2135" is "Alternative number"
    And the alternative number of "2135" is "+4930111"
    When caller "Anna" dials "2135"
    Then within 2 seconds the call from caller "Anna" rings only at "+4930111"
    And no call is lost

  Scenario: A caller who gives up while the Unify Phone rings abandons the call
    When caller "Anna" dials "2134"
    Then within 2 seconds the call from caller "Anna" rings only at "2134"
    When caller "Anna" hangs up
    Then within 2 seconds the call from caller "Anna" ends as "abandoned"
    And no call is lost
