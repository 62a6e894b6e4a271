@osv @csta
Feature: The OpenScape Voice CSTA dialect
  The simulated OpenScape Voice speaks CSTA as a real one does: ECMA-323 edition 4, device identifiers such as
  N<4950505807580>Line7580;noa=international;displayNumber=…;uid=… and N<…>;noa=international without '+', the
  optional event elements (servicesPermitted, mediaCallCharacteristics, callCharacteristics, correlatorData) and
  Siemens scx private data. The CPS normalises every identifier to E.164 when it decodes, so it keeps comparing
  "+4950505807580". Its CSTA link can open an ECMA-354 application session, kept alive before it runs out.

  Background:
    Given the topology "osv-example"

  Scenario: A call over the OSV's own dialect reaches the attendant
    Given attendant "7580" is logged on
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    When attendant "7580" releases the call
    Then within 5 seconds the call from caller "Anna" ends as "answered"
    And the CPS read every CSTA document of the PBX
    And no call is lost

  Scenario: The CSTA link keeps an application session alive
    Given the CSTA link of the CPS opens an application session of 60 seconds
    And attendant "7580" is logged on
    When 5 minutes pass
    Then the CSTA link of the CPS keeps its application session alive
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And the CSTA link of the CPS keeps its application session alive
    And the CPS read every CSTA document of the PBX
    And no call is lost
