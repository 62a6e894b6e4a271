namespace Concierge.Store;

/// <summary>The store cannot be opened or used: the message says which setting or what the database answered.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
