@osv @announcements
Feature: What callers and attendants hear before they are connected
  The ring time is how long a caller hears ringing before the CPS answers (C 8.3.3). A tenant's start
  announcement is played to its callers when the CPS answers them, then music on hold; a call is pushed
  to an attendant only once its start announcement has ended (C 8.6). An attendant's personal greeting
  is played to the caller and to the attendant right before they are connected (C 4.2.1).

  Background:
    Given the topology "osv-example"

  Scenario: The caller hears ringing for the ring time, then music on hold
    Given the tenant "DEFAULT" has these times:
      | setting   | value     |
      | ring time | 4 seconds |
    And attendant "7580" is logged on and unavailable
    When caller "Anna" dials "3201"
    Then within 1 second caller "Anna" hears ringing
    And caller "Anna" is queued at "3201"
    When 3 seconds pass
    Then caller "Anna" hears ringing
    Then within 2 seconds caller "Anna" hears music on hold
    And no call is lost

  Scenario: The start announcement comes before music on hold
    Given the tenant "DEFAULT" plays the start announcement "DEFAULT-DefaultStartAnnouncement"
    And attendant "7580" is logged on and unavailable
    When caller "Anna" dials "3201"
    Then within 1 second caller "Anna" hears the announcement "DEFAULT-DefaultStartAnnouncement"
    When 4 seconds pass
    Then caller "Anna" hears the announcement "DEFAULT-DefaultStartAnnouncement"
    Then within 2 seconds caller "Anna" hears music on hold
    And no call is lost

  Scenario: A call is pushed once its start announcement has ended
    Given the tenant "DEFAULT" plays the start announcement "DEFAULT-DefaultStartAnnouncement"
    And attendant "7580" is logged on
    When caller "Ben" dials "3201"
    Then within 1 second caller "Ben" hears the announcement "DEFAULT-DefaultStartAnnouncement"
    When 4 seconds pass
    Then caller "Ben" hears the announcement "DEFAULT-DefaultStartAnnouncement"
    Then within 3 seconds caller "Ben" is connected to "7580"
    And no call is lost

  Scenario: Caller and attendant hear the personal greeting, then talk
    Given attendant "7580" has the personal greeting "Greeting 7580"
    And attendant "7580" is logged on
    When caller "Cleo" dials "3201"
    Then within 3 seconds caller "Cleo" hears the announcement "Greeting 7580"
    And within 1 second attendant "7580" hears the announcement "Greeting 7580"
    When 2 seconds pass
    Then caller "Cleo" hears the announcement "Greeting 7580"
    Then within 3 seconds caller "Cleo" is connected to "7580"
    And no call is lost
