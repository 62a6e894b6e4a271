@os4000 @vnr
Feature: VNR numbers normalised to E.164 on OpenScape 4000
  With VNR the node code 999991 stands for +495050580 (C 5.4.9): numbers dialed with the node code, or as short
  extensions, reach the CPS as E.164 numbers of type international (C 5.4.5), on the E.164 CSTA port ("Use VNR").

  Background:
    Given the topology "os4000-vnr"

  Scenario: A VNR number dialed by an office phone reaches the pilot as E.164
    When "7001" dials "9999919000"
    Then within 5 seconds the CPS queues the call from "7001" at "+4950505809000"
    And no call is lost

  Scenario: A short extension reaches the pilot as E.164
    When "7002" dials "9001"
    Then within 5 seconds the CPS queues the call from "7002" at "+4950505809001"
    And no call is lost

  Scenario: A VNR call to the pilot is pushed to an attendant
    Given attendant "7580" is logged on
    When "7003" dials "9999919000"
    Then within 5 seconds "7580" rings with a call from "7003"
    And no call is lost
