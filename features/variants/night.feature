@osv @variants
Feature: Night variants
  A night variant answers calls to a pilot in one of three modes: Busy (busy tone), Announcement
  (play an announcement, then clear) or Forwarding (to a destination number) (C 8.7).

  Background:
    Given the topology "osv-example"
    And attendant "7580" is logged on

  Scenario: Busy mode gives busy tone
    Given the night variant "Service Hotline - Busy" is active for "3201"
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" hears busy tone
    And within 10 seconds the call from caller "Anna" ends as "busy"
    And no call is lost

  Scenario: Announcement mode plays the announcement and clears the call
    Given the night variant "Night Variant external" is active for "3201"
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" hears the announcement "DEFAULT-NotAvailable.ende"
    When 3 seconds pass
    Then caller "Anna" hears the announcement "DEFAULT-NotAvailable.ende"
    And within 5 seconds the call from caller "Anna" ends as "announcement"
    And no call is lost

  Scenario: Forwarding mode forwards to the office phone
    Given the night variant "Night Variant internal" is active for "3201"
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at "7890"
    When "7890" answers
    Then within 2 seconds caller "Anna" is connected to "7890"
    When "7890" hangs up
    Then within 5 seconds the call from caller "Anna" ends as "forwarded"
    And no call is lost

  Scenario: A night variant on one pilot leaves the others alone
    Given the night variant "Service Hotline - Busy" is active for "3201"
    When caller "Ben" dials "3202"
    Then within 5 seconds caller "Ben" is connected to "7580"
    And no call is lost
