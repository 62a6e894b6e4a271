namespace Concierge.Simulators.UnifyPhone.Users;

/// <summary>Why the tenant refuses to provision a user, in the HowTo's words where it has them (U 2.4, 5.3).</summary>
public static class ProvisioningRefusal
{
    /// <summary>The JWT is not Active or Expiring (U 5.3 "provisioning of new users is not possible").</summary>
    public const string NoFunctionalJwt = "a JSON Web Token (JWT) is needed for user provisioning in Unify Phone";

    /// <summary>No system is connected to the telephony connector (U 2.4: provisioning requires an available connector).</summary>
    public const string ConnectorNotAvailable = "user provisioning requires an available Telephony Connector";

    /// <summary>The system's API key is not the tenant's (U 5.3 "no connection to REST API").</summary>
    public const string NoRestConnection = "no connection to REST API";

    /// <summary>The e-mail address is not well formed.</summary>
    public static string NotAnEmail(string email) => $"emailAddress '{email}' is not an e-mail address";

    /// <summary>The user exists already.</summary>
    public static string AlreadyAUser(string email) => $"{email} is already a user of the tenant";

    /// <summary>The trunk named is not a trunk of the tenant.</summary>
    public static string UnknownTrunk(string trunk) => $"'{trunk}' is not an OSBIZ trunk of the tenant";
}
