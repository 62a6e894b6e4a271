@osv @transfer @numbers
Feature: Numbers an attendant types
  An attendant types a transfer or paging target as it is dialled on the PABX: an extension, or with the public
  access code and a local, national or international number. The CPS reads it into E.164 with the PABX routing
  data of its configuration (osv-example: country 49, area 5050, trunk 580, 4-digit extensions, public access 0,
  national 0, international 00; C 6.2.3.2). A number that is not one on this PABX is refused and the call stays.

  Background:
    Given the topology "osv-example"
    And attendant "7580" is logged on
    And "7001" answers calls after 2 seconds
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"

  Scenario Outline: A transfer target typed as <form> reaches the office user
    When attendant "7580" transfers the call to the number typed as "<typed>"
    Then within 5 seconds the call from caller "Anna" rings at "7001"
    And within 5 seconds caller "Anna" is connected to "7001"
    And no call is lost

    Examples:
      | form                        | typed                 |
      | an extension                | 7001                  |
      | a national number           | 0 0 5050 580 7001     |
      | an international number     | 0 00 49 5050 580-7001 |
      | E.164                       | +49 5050 580 7001     |

  Scenario: A typed number that is not one on this PABX is refused and the call stays
    When attendant "7580" tries to transfer the call to the number typed as "70012"
    Then the attendant request is refused with "'70012' is not a number on this PABX: '70012' has 5 digits, more than the longest extension (4), and no access code"
    And caller "Anna" is connected to "7580"
    And no call is lost

  Scenario: A paging target typed as an extension
    When attendant "7580" pages the number typed as "7001" for the call
    Then within 2 seconds the call from caller "Anna" is in the processing queue as "paging"
    And no call is lost
