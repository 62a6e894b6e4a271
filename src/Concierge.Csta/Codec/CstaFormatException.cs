namespace Concierge.Csta.Codec;

/// <summary>Raised inside the decoder for input it refuses; always caught at the codec boundary and turned into an error.</summary>
internal sealed class CstaFormatException(string message) : Exception(message);
