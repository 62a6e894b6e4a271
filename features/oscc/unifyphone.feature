@osv @oscc @unifyphone
Feature: Unify Phone attendants are refused with OSCC
  Unify Phone as attendant device is supported with OpenScape Voice only, not with OSCC (C 4.3.5):
  OSCC refuses the Unify Phone (ONS) as an agent, so the attendant cannot log on there.

  Scenario: An attendant on a Unify Phone is refused with OSCC
    Given the topology "osv-oscc-unifyphone"
    Then attendant "7583" is refused when logging on
    When caller "Anna" dials "3201"
    Then within 5 seconds the call from caller "Anna" rings at "5530"
    Given attendant "7580" is logged on
    Then within 5 seconds the call from caller "Anna" rings at "7580"
    And no call is lost
