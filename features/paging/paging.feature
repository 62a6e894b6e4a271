@osv @paging
Feature: Paging
  The attendant parks the call on a callback number and pages the wanted person with the paging
  announcement (4 s); the person dials the callback number to take the call (C 4.4.2, 8.3).

  Background:
    Given the topology "osv-example"
    And attendant "7580" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"

  Scenario: The paged person takes the call by dialling the callback number
    When attendant "7580" pages "7005" for the call
    Then within 5 seconds the call from caller "Anna" is in the processing queue as "paging"
    And caller "Anna" hears music on hold
    And attendant "7580" is available
    When 30 seconds pass
    And "7005" dials the callback number of caller "Anna"
    Then within 5 seconds caller "Anna" is connected to "7005"
    When caller "Anna" hangs up
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And no call is lost

  Scenario: A paged call waits until the attendant retrieves it
    When attendant "7580" pages "7006" for the call
    Then within 5 seconds the call from caller "Anna" is in the processing queue as "paging"
    When 3 minutes pass
    Then the call from caller "Anna" is in the processing queue as "paging"
    When attendant "7580" retrieves the call from caller "Anna"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And no call is lost
