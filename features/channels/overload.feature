@osv @channels @overload
Feature: Overload of the processing channels
  With 22 channels and channel ratio 1 the CPS has 10 processing channels. At 90 % of them in use
  the attendants see an alert; at 100 % the overload setting of the DDI entry applies to new calls:
  busy tone, or forwarding to the overload destination. Overload never applies to operational
  channels (C 6.3.1.3).

  Background:
    Given the topology "osv-example"
    And the CPS has 22 channels with channel ratio 1
    And the routing type of tenant "DEFAULT" is "pick only"
    And attendant "7580" is logged on

  Scenario: 90 % of the processing channels raise the channel alert
    When 8 callers dial "3201"
    Then within 5 seconds the CPS uses 8 processing channels
    When caller "Ida" dials "3201"
    Then within 5 seconds the CPS uses 9 processing channels
    And the attendants see a channel alert
    And the CPS has 10 processing channels and 12 operational channels
    And no call is lost

  Scenario: A full CPS gives busy tone when the overload setting is busy
    Given the DDI entry "3201" has these settings:
      | setting  | value |
      | overload | busy  |
    When 10 callers dial "3201" one every 500 ms
    Then within 10 seconds the CPS uses 10 processing channels
    When caller "Zoe" dials "3201"
    Then within 5 seconds caller "Zoe" hears busy tone
    And within 10 seconds the call from caller "Zoe" ends as "busy"
    And the CPS uses 10 processing channels
    And no call is lost

  Scenario: A full CPS forwards new calls when the overload setting is forward
    Given the DDI entry "3201" has these settings:
      | setting              | value |
      | overload             | forward |
      | overload destination | 7890  |
    When 10 callers dial "3201"
    Then within 10 seconds the CPS uses 10 processing channels
    When caller "Zoe" dials "3201"
    Then within 5 seconds the call from caller "Zoe" rings at "7890"
    When "7890" answers
    Then within 2 seconds caller "Zoe" is connected to "7890"
    When "7890" hangs up
    Then within 5 seconds the call from caller "Zoe" ends as "forwarded"
    And no call is lost

  Scenario: Operational channels still work when the processing channels are full
    Given the DDI entry "3201" has these settings:
      | setting  | value |
      | overload | busy  |
    When 10 callers dial "3201"
    Then within 10 seconds the CPS uses 10 processing channels
    When attendant "7580" picks the call from caller "caller 1"
    Then within 5 seconds caller "caller 1" is connected to "7580"
    When attendant "7580" parks the call
    Then within 5 seconds the call from caller "caller 1" is in the processing queue as "parked"
    And no call is lost
