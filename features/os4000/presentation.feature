@os4000 @presentation
Feature: Restricted presentation on OpenScape 4000
  Callers with restricted presentation (CLIR, SSTNO=YES) are reported with their number over CSTA only
  when PRESENTATION_RESTRICTED=ignore is set for the PABX Link Connector (C 5.1.2); the CPS gets the
  number on its trunk either way, as type international.

  Scenario: With PRESENTATION_RESTRICTED=ignore a restricted caller is reported with its number
    Given the topology "os4000-example"
    And attendant "7580" is logged on
    When caller "Anna" with restricted presentation dials "9000"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And the OpenScape 4000 reports the number of caller "Anna" over CSTA
    When caller "Anna" hangs up
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And no call is lost

  Scenario: A restricted caller waits in the pilot queue like any other
    Given the topology "os4000-example"
    When caller "Anna" with restricted presentation dials "9000"
    Then within 5 seconds caller "Anna" is queued at "9000"
    And caller "Anna" hears music on hold
    And no call is lost

  Scenario: Without the setting a restricted caller is reported as restricted
    Given the topology "os4000-restricted"
    When caller "Anna" with restricted presentation dials "7001"
    Then within 5 seconds the call from caller "Anna" rings at "7001"
    And the OpenScape 4000 reports caller "Anna" as restricted over CSTA
    And no call is lost

  Scenario: A caller presenting its number is reported with it either way
    Given the topology "os4000-restricted"
    When caller "Ben" dials "7001"
    Then within 5 seconds the call from caller "Ben" rings at "7001"
    And the OpenScape 4000 reports the number of caller "Ben" over CSTA
    And no call is lost
