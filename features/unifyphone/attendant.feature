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
