using Concierge.Csta.Messages;

namespace Concierge.Csta.Session;

/// <summary>Which response type answers which request type (MonitorStart → MonitorStartResponse …).</summary>
internal static class ResponseTypes
{
    private static readonly Dictionary<Type, Type> ByRequest = Build();

    /// <summary>True when <paramref name="answer"/> can answer <paramref name="request"/>: its response type, or an error.</summary>
    public static bool Answers(CstaRequest request, CstaMessage answer) =>
        answer is CstaErrorResponse || (ByRequest.TryGetValue(request.GetType(), out var expected) && expected == answer.GetType())
        || ApplicationSessionAnswers(request, answer);

    /// <summary>ECMA-354 answers are named …PosResponse and …NegResponse.</summary>
    private static bool ApplicationSessionAnswers(CstaRequest request, CstaMessage answer) => (request, answer) switch
    {
        (StartApplicationSession, StartApplicationSessionPosResponse or StartApplicationSessionNegResponse) => true,
        (ResetApplicationSessionTimer, ResetApplicationSessionTimerPosResponse or ResetApplicationSessionTimerNegResponse) => true,
        (StopApplicationSession, StopApplicationSessionPosResponse or StopApplicationSessionNegResponse) => true,
        _ => false,
    };

    private static Dictionary<Type, Type> Build()
    {
        var types = typeof(CstaMessage).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(CstaMessage).IsAssignableFrom(t)).ToList();
        var byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var map = new Dictionary<Type, Type>();
        foreach (var request in types.Where(t => typeof(CstaRequest).IsAssignableFrom(t)))
        {
            var baseName = request.Name.EndsWith("Request", StringComparison.Ordinal) ? request.Name[..^"Request".Length] : request.Name;
            if (byName.TryGetValue(baseName + "Response", out var response)) map[request] = response;
        }
        return map;
    }
}
