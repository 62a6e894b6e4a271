namespace Concierge.Config.Model;

/// <summary>The Concierge product edition; Plus is limited to one tenant and six DDI entries, without OSCC or paging (C 8.3, 8.4).</summary>
public enum Edition
{
    /// <summary>Concierge Professional: several tenants, OSCC, paging.</summary>
    Professional,

    /// <summary>Concierge Plus: one tenant, at most six DDI entries.</summary>
    Plus,
}
