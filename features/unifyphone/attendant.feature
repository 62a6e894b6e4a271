@osv @unifyphone
Feature: Unify Phone as attendant extension on OpenScape Voice
  An attendant can use a Unify Phone when its ONS/OND pair is registered in Concierge; without the
  pair the attendant can log on with the ONS but cannot dial, answer, clear or transfer (C 4.3.5).

  Background:
    Given the topology "osv-unifyphone"

  Scenario: A registered ONS/OND pair answers pushed calls
    Given attendant "7583" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7583"
    And no call is lost

  Scenario: Without a registered pair the attendant cannot answer calls
    Given attendant "7584" is logged on
    Then attendant "7584" cannot answer calls
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is queued at "3201"
    And no call is lost

  Scenario: Without private data presentation V8 the CPS takes the ONS for a desk phone
    # Only the OSV's V8 private data on the CSTA link tells the CPS that 7584 is a Unify Phone ONS. Without the flag
    # the CPS pushes calls to 7584 as to any attendant device, although its pair is not registered and Concierge
    # could not answer, clear or transfer them on a real Unify Phone: the flag is required (C 4.3.5.1).
    Given the CSTA application has private data presentation V8 off
    And attendant "7584" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7584"
    And no call is lost

  Scenario: Without a registered pair every call control is refused with the reason, logging on is not
    Given attendant "7584" is logged on
    Then attendant "7584" is available
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is queued at "3201"
    When attendant "7584" tries to pick the next call
    Then the attendant request is refused with "+4950505807584 is a Unify Phone ONS without a registered ONS/OND pair: it cannot dial, answer, clear, transfer or consult"
    When attendant "7584" tries to answer
    Then the attendant request is refused with "+4950505807584 is a Unify Phone ONS without a registered ONS/OND pair: it cannot dial, answer, clear, transfer or consult"
    When attendant "7584" tries to release the call
    Then the attendant request is refused with "+4950505807584 is a Unify Phone ONS without a registered ONS/OND pair: it cannot dial, answer, clear, transfer or consult"
    When attendant "7584" tries to transfer the call to "7001"
    Then the attendant request is refused with "+4950505807584 is a Unify Phone ONS without a registered ONS/OND pair: it cannot dial, answer, clear, transfer or consult"
    When attendant "7584" tries to put the call on hold
    Then the attendant request is refused with "+4950505807584 is a Unify Phone ONS without a registered ONS/OND pair: it cannot dial, answer, clear, transfer or consult"
    When attendant "7584" tries to page "7001" for the call
    Then the attendant request is refused with "+4950505807584 is a Unify Phone ONS without a registered ONS/OND pair: it cannot dial, answer, clear, transfer or consult"
    And caller "Anna" is queued at "3201"
    And no call is lost

  Scenario: With a registered pair the attendant controls its calls and Concierge's hold plays Concierge music
    Given attendant "7583" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7583"
    When attendant "7583" tries to put the call on hold
    Then within 5 seconds caller "Anna" hears music on hold
    And no call is lost

  Scenario: Available and Unavailable set in the Unify Phone are seen by the CPS
    Given attendant "7583" is logged on
    When the Unify Phone of attendant "7583" is set unavailable
    Then within 2 seconds attendant "7583" is unavailable
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is queued at "3201"
    When the Unify Phone of attendant "7583" is set available
    Then within 2 seconds attendant "7583" is available
    And within 5 seconds caller "Anna" is connected to "7583"
    And no call is lost

  Scenario: The Unify Phone's own hold gives the caller no Concierge music
    Given attendant "7583" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7583"
    When the Unify Phone of attendant "7583" puts the call on hold itself
    Then within 2 seconds caller "Anna" is held by the PBX without Concierge music
    When 30 seconds pass
    Then caller "Anna" is held by the PBX without Concierge music
    When the Unify Phone of attendant "7583" retrieves the call itself
    Then within 2 seconds caller "Anna" is connected to "7583"
    And no call is lost
