@osv @registration
Feature: Registrar found by DNS SRV
  A registrar host that is a domain name means a DNS SRV lookup (_sip._udp.<domain>); with a geo-separated
  OpenScape Voice there are several targets by priority, and the CPS moves to the next one when its node stops
  answering (DOMAIN §4, C 4.6). In "osv-geo" the CPS registers at osvnode2 (host "osv2") first.

  Background:
    Given the topology "osv-geo"

  Scenario: The CPS registers through DNS SRV and takes calls
    Given attendant "7580" is logged on
    Then within 10 seconds the CPS is registered at "osv"
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    And no call is lost

  Scenario: When its OSV node stops answering the CPS registers at the next SRV target
    When the network between "osv2" and "cps" is cut
    And 10 minutes pass
    Then the CPS is registered at "osv"
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is queued at "3201"
    And caller "Anna" hears music on hold
    And no call is lost
