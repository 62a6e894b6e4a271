@osv @tenants
Feature: Several tenants on one CPS
  Each tenant has its own routing type, times, priorities, DDI entries, announcements and attendants;
  every call takes its tenant's settings (a personal-line call its owner's), and an attendant sees and
  handles only calls of its own tenant (C 8.2–8.4). In osv-two-tenants, MUENCHEN picks its calls
  (+4950505803210 "Munich Main") and attendant 7583 works for it; 7580–7582 work for DEFAULT.

  Background:
    Given the topology "osv-two-tenants"

  Scenario: A call of a pick-only tenant waits for its attendant to pick it; the other tenant never sees it
    Given attendants "7580", "7583" are logged on
    When caller "Anna" dials "3210"
    Then within 5 seconds caller "Anna" is queued at "3210"
    And caller "Anna" hears music on hold
    And attendant "7580" sees no call from caller "Anna"
    When 10 seconds pass
    Then caller "Anna" is queued at "3210"
    When attendant "7583" picks the call from caller "Anna"
    Then within 5 seconds caller "Anna" is connected to "7583"
    And attendant "7580" sees no call from caller "Anna"
    When attendant "7583" releases the call
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And no call is lost

  Scenario: A DEFAULT call is pushed to a DEFAULT attendant only
    Given attendant "7583" is logged on
    When caller "Ben" dials "3201"
    Then within 5 seconds caller "Ben" is queued at "3201"
    And attendant "7583" sees no call from caller "Ben"
    When 5 seconds pass
    Then caller "Ben" is queued at "3201"
    Given attendant "7581" is logged on
    Then within 5 seconds caller "Ben" is connected to "7581"
    And no call is lost

  Scenario: A personal-line call takes its owner's tenant settings
    Given the tenant "MUENCHEN" plays the start announcement "MUENCHEN-DefaultStartAnnouncement"
    And attendant "7580" is logged on and unavailable
    And attendant "7583" is logged on and unavailable
    When caller "Cleo" dials "3223"
    Then within 2 seconds caller "Cleo" hears the announcement "MUENCHEN-DefaultStartAnnouncement"
    When caller "Dora" dials "3220"
    Then within 5 seconds caller "Dora" hears music on hold
    And attendant "7580" sees no call from caller "Cleo"
    And attendant "7583" sees no call from caller "Dora"
    And no call is lost
