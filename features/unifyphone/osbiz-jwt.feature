@osbiz @unifyphone
Feature: Unify Phone JWT lifecycle
  The tenant's JSON Web Token is Not set, Active, Invalid token, Expiring (from one month before its expiry) or
  Expired, on the virtual clock. Only Active and Expiring are functional: without them the system has no connection
  to the REST API and user provisioning is refused (U 2.5, 5.3, 6.1).

  Background:
    Given the topology "osbiz-unifyphone"

  Scenario: The JWT of the topology is Active and the system is connected
    Then the JWT status is "Active"
    And "osbiz" is connected to the Unify Phone REST API
    And the telephony connector status is "Available"
    And no call is lost

  Scenario: An active JWT turns Expiring and then Expired on the virtual clock
    Given the Unify Phone tenant JWT expires in 40 days
    Then the JWT status is "Active"
    When 20 days pass
    Then the JWT status is "Expiring"
    And "osbiz" is connected to the Unify Phone REST API
    When 20 days pass
    Then the JWT status is "Expired"
    And "osbiz" has no connection to the Unify Phone REST API
    And no call is lost

  Scenario: Users can still be provisioned while the JWT is Expiring
    Given the Unify Phone tenant JWT expires in 10 days
    Then the JWT status is "Expiring"
    When the Unify Phone user "2140" is created with DID "2140", first name "Ida", last name "Neu" and e-mail "ida.neu@osbiz.com"
    Then the Unify Phone call number of "2140" is "855004923026672140"
    And "2140" is a Unify Phone user of "osbiz"
    And the Unify Phone tenant has the user "ida.neu@osbiz.com"
    And no call is lost

  Scenario: An expired JWT refuses user provisioning with the HowTo's reason
    Given the Unify Phone tenant JWT expires in 1 day
    When 2 days pass
    And the Unify Phone user "2140" is created with DID "2140", first name "Ida", last name "Neu" and e-mail "ida.neu@osbiz.com"
    Then the Unify Phone user creation is rejected with "a JSON Web Token (JWT) is needed for user provisioning in Unify Phone"
    And "2140" is no Unify Phone user of "osbiz"
    And the Unify Phone tenant has no user "ida.neu@osbiz.com"
    And no call is lost

  Scenario: An invalidated JWT is shown as Invalid token and refuses provisioning
    Given the Unify Phone tenant JWT is invalidated
    Then the JWT status is "Invalid token"
    And "osbiz" has no connection to the Unify Phone REST API
    When the Unify Phone user "2140" is created with DID "2140", first name "Ida", last name "Neu" and e-mail "ida.neu@osbiz.com"
    Then the Unify Phone user creation is rejected with "a JSON Web Token (JWT) is needed for user provisioning in Unify Phone"
    And no call is lost

  Scenario: Without a JWT the status is Not set and a CSV import is refused
    Given the Unify Phone tenant has no JWT
    Then the JWT status is "Not set"
    And "osbiz" has no connection to the Unify Phone REST API
    When the Unify Phone users are imported from:
      | emailAddress      | firstName | lastName | locale |
      | user6@example.com | User6     | Abc      | de-DE  |
    Then the Unify Phone import is refused with "a JSON Web Token (JWT) is needed for user provisioning in Unify Phone"
    And the Unify Phone tenant has no user "user6@example.com"
    And no call is lost
