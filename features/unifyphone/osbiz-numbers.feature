@osbiz @unifyphone
Feature: Unify Phone call numbers and simultaneous calls
  International numbering: seizure code + 00 + country code + area code + PABX number + call number; a number whose
  E.164 part exceeds 15 digits does not fit and is flagged with the HowTo's hint. The upstream bandwidth gives the
  simultaneous Unify Phone calls: 2048 kbit/s → 16, the 17th is refused (U 3.2, 3.3.1, 3.3.3, 5.3).

  Background:
    Given the topology "osbiz-unifyphone"

  Scenario: The call numbers of the standard users
    Then the Unify Phone call number of "2131" is "855004923026672131"
    And the Unify Phone call number of "2134" is "855004923026672134"
    And the Unify Phone call number of "42135" is "855004923026672135"
    And no call is lost

  Scenario: A created user gets its call number
    When the Unify Phone user "2140" is created with DID "2140", first name "Ida", last name "Neu" and e-mail "ida.neu@osbiz.com"
    Then the Unify Phone call number of "2140" is "855004923026672140"
    And no call is lost

  Scenario: Validate Numbers flags a number that no longer fits E.164
    # 49 + 230266 + 7777 + 2131 is 16 digits.
    When the Unify Phone location number incoming of "osbiz" becomes "49", "230266", "7777" and the numbers are validated
    Then the Unify Phone call number of "2131" is "855004923026677772131"
    And the Unify Phone call number of "2131" is flagged invalid with "the number does not fit into the E.164 format length restriction: update the Unify Phone route location number and the numbering schema by clicking [Validate Numbers]"
    When Unify Phone user "2131" calls "+4930111"
    Then within 5 seconds the Unify Phone call of "2131" is refused with "the Mobile call number does not match the Unify Phone numbering plan"
    And no call is lost

  Scenario: 2048 kbit/s upstream allows 16 simultaneous calls and refuses the 17th
    Then 16 simultaneous Unify Phone calls are allowed
    When Unify Phone user "2131" makes 17 calls to "+4930111"
    Then within 5 seconds 16 Unify Phone calls are connected
    And within 1 second 1 Unify Phone calls of "2131" are refused
    And the Unify Phone call of "2131" is refused with "no Unify Phone trunk lines are configured, or all Unify Phone trunk lines resp. shared trunk lines are busy"
    When Unify Phone user "2131" hangs up
    Then within 5 seconds 0 Unify Phone calls are connected
    When Unify Phone user "2134" calls "+4930111"
    Then within 5 seconds 1 Unify Phone calls are connected
    And no call is lost
