namespace Concierge.Store.Accounts;

/// <summary>What an account may do.</summary>
public enum AccountRole
{
    /// <summary>Attendant operations of its tenant.</summary>
    User,

    /// <summary>Its tenant's attendant operations, configuration and call records.</summary>
    Manager,

    /// <summary>Every tenant; needed before the server starts outside development mode.</summary>
    Administrator,
}
