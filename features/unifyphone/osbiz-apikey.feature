@osbiz @unifyphone
Feature: The Unify Phone API key and the connector trunks
  Every system connects with the tenant's API key and gets its own trunk; several systems may share one key.
  Regenerating the key cuts off every system still on the old one: "no connection to REST API", its trunk no longer
  registered (U 2.2, 3.2, 5.3).

  Background:
    Given the topology "osbiz-unifyphone"

  Scenario: The connectivity wizard gives the system its own registered trunk
    Then the Unify Phone trunk of "osbiz" is "gtc-001"
    And the Unify Phone trunk of "osbiz" is registered
    When 30 minutes pass
    Then the Unify Phone trunk of "osbiz" is registered
    And no call is lost

  Scenario: A regenerated API key cuts off the system on the old key
    When the Unify Phone API key is regenerated
    Then "osbiz" has no connection to the Unify Phone REST API
    And the Unify Phone trunk of "osbiz" is not registered
    And the telephony connector status is "Unavailable"
    When the Unify Phone user "2140" is created with DID "2140", first name "Ida", last name "Neu" and e-mail "ida.neu@osbiz.com"
    Then the Unify Phone user creation is rejected with "no connection to REST API: API key invalid or regenerated"
    When Unify Phone user "2131" calls "+4930111"
    Then the Unify Phone call of "2131" is refused with "trunk gtc-001 is not registered"
    And no call is lost

  Scenario: Two systems share one API key, each with its own trunk
    When "osbiz2" runs the Unify Phone Connectivity wizard with the same API key
    Then the Unify Phone trunk of "osbiz" is "gtc-001"
    And the Unify Phone trunk of "osbiz2" is "gtc-002"
    And the Unify Phone trunk of "osbiz" is registered
    And the Unify Phone trunk of "osbiz2" is registered
    And "osbiz2" is connected to the Unify Phone REST API
    When the Unify Phone API key is regenerated
    Then "osbiz" has no connection to the Unify Phone REST API
    And "osbiz2" has no connection to the Unify Phone REST API
    And the Unify Phone trunk of "osbiz2" is not registered
    And no call is lost

  Scenario: A system restored with the active connector is detected as a second system on the trunk
    When "osbizClone" is restored from a backup of "osbiz" with the Unify Phone connector active
    Then within 10 seconds the Unify Phone connector reports a second system on trunk "gtc-001"
    And the Unify Phone trunk of "osbizClone" is not registered
    And the Unify Phone trunk of "osbiz" is registered
    And no call is lost
