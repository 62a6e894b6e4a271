@osv @oscc @fallback
Feature: Fallback with OpenScape Contact Center
  With OSCC the pilot numbers are routed by OSCC and the CPS keeps only personal lines. When the
  CPS is down, OSCC queues are unaffected and personal lines fall back (C 4.5.2).

  Background:
    Given the topology "osv-oscc"

  Scenario: Personal line falls back while the CPS is down
    Given the CPS is down
    When caller "Anna" dials "3221"
    Then within 5 seconds the call from caller "Anna" rings at one of "7580", "7581", "7582", "7583"
    And the call from caller "Anna" was not handled by the CPS
    And no call is lost

  Scenario: Pilot calls stay with OSCC while the CPS is down
    Given the CPS is down
    When caller "Ben" dials "3201"
    Then within 5 seconds the call from caller "Ben" rings at "5530"
    And the call from caller "Ben" was not handled by the CPS
    And no call is lost
