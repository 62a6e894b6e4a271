@osv @busy-lamps
Feature: The busy lamp field
  The CPS monitors the office users of its topology (busyLamps: +4950505807001…7010) over its CSTA
  link and shows attendants each one's state: idle, ringing, busy, forwarded or out of service; after
  a lost link it reads every device again (C 2.2.1, 4.3.4).

  Background:
    Given the topology "osv-example"
    And attendant "7580" is logged on

  Scenario: An office user rings, talks and hangs up
    Then attendant "7580" sees "7001" as "idle"
    When caller "Anna" dials "7001"
    Then within 2 seconds attendant "7580" sees "7001" as "ringing"
    When "7001" answers
    Then within 2 seconds attendant "7580" sees "7001" as "busy"
    When "7001" hangs up
    Then within 2 seconds attendant "7580" sees "7001" as "idle"
    And within 2 seconds the call from caller "Anna" ends as "answered"
    And no call is lost

  Scenario: An office user with call forwarding is shown forwarded
    Given "7002" has call forwarding unconditional to "7003"
    Then within 2 seconds attendant "7580" sees "7002" as "forwarded"
    And attendant "7580" sees "7003" as "idle"
    And no call is lost

  Scenario: After a lost CSTA link the field is read again
    When caller "Ben" dials "7004"
    Then within 2 seconds attendant "7580" sees "7004" as "ringing"
    When the CSTA link fails
    Then within 2 seconds attendant "7580" sees "7004" as "unknown"
    When "7004" answers
    And the CSTA link is restored
    Then within 30 seconds attendant "7580" sees "7004" as "busy"
    When "7004" hangs up
    Then within 2 seconds attendant "7580" sees "7004" as "idle"
    And within 2 seconds the call from caller "Ben" ends as "answered"
    And no call is lost

  Scenario: Without a CSTA link the busy lamps are unavailable
    Given the PBX link of the CPS is SIP only
    Then attendant "7580" sees "7001" as "unavailable"
    And the CPS reports "busy lamps" as unavailable
    And no call is lost
