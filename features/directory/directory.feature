@osv @directory
Feature: The phone book
  Attendants search the directory by name or number, see incoming callers by their directory name and
  transfer or page to directory entries (C 2.1). A CSV import with any bad line imports nothing.

  Background:
    Given the topology "osv-example"
    And the directory has these entries:
      | name            | numbers                       | department  | location  | email           |
      | Lovelace, Ada   | +4950505807005;+4915112345678 | Engineering | Paderborn | ada@example.com |
      | Charles Babbage | +4930222333444                | Sales       | Berlin    |                 |
    And attendant "7580" is logged on

  Scenario: An incoming caller is shown by the directory name
    When caller "Charles" from "+4930222333444" dials "3201"
    Then within 5 seconds caller "Charles" is connected to "7580"
    And the call from caller "Charles" is shown as "Charles Babbage"
    And no call is lost

  Scenario: A call is transferred to a directory entry
    When caller "Anna" dials "3201"
    Then within 5 seconds caller "Anna" is connected to "7580"
    When attendant "7580" transfers the call to "Lovelace, Ada" from the directory
    Then within 5 seconds the call from caller "Anna" rings at "7005"
    When "7005" answers
    Then within 5 seconds caller "Anna" is connected to "7005"
    And no call is lost
