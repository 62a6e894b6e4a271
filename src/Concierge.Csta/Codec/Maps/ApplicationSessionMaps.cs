using System.Globalization;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>Element layouts of the ECMA-354 application session services (in their own namespace).</summary>
internal static class ApplicationSessionMaps
{
    private const string Ns = CstaNamespace.ApplicationSession;

    public static void AddTo(MessageMapRegistry maps)
    {
        maps.Add<StartApplicationSession>("StartApplicationSession",
            static (w, m) =>
            {
                w.Start("applicationInfo");
                w.Text("applicationID", m.ApplicationId);
                w.End();
                w.Start("requestedProtocolVersions");
                foreach (var version in m.RequestedProtocolVersions) w.Text("protocolVersion", version);
                w.End();
                w.Text("requestedSessionDuration", Seconds(m.RequestedSessionDurationSeconds));
            },
            static r =>
            {
                var versions = r.Node("requestedProtocolVersions")?.ChildrenNamed("protocolVersion").Select(v => v.Text?.Trim() ?? "").ToList() ?? [];
                // No version at all is read as such: the switch refuses it (requestedProtocolVersionNotSupported).
                return new StartApplicationSession(r.Text("applicationInfo/applicationID"), new ValueList<string>(versions),
                    Duration(r, "requestedSessionDuration"));
            }, Ns);
        maps.Add<StartApplicationSessionPosResponse>("StartApplicationSessionPosResponse",
            static (w, m) =>
            {
                w.Text("sessionID", m.SessionId);
                w.Text("actualProtocolVersion", m.ActualProtocolVersion);
                w.Text("actualSessionDuration", Seconds(m.ActualSessionDurationSeconds));
            },
            static r => new StartApplicationSessionPosResponse(r.Text("sessionID"), r.Text("actualProtocolVersion").Trim(),
                Duration(r, "actualSessionDuration")), Ns);
        maps.Add<StartApplicationSessionNegResponse>("StartApplicationSessionNegResponse",
            static (w, m) => WriteError(w, m.ErrorCode), static r => new StartApplicationSessionNegResponse(ReadError(r)), Ns);
        maps.Add<ResetApplicationSessionTimer>("ResetApplicationSessionTimer",
            static (w, m) =>
            {
                w.Text("sessionID", m.SessionId);
                w.Text("requestedSessionDuration", Seconds(m.RequestedSessionDurationSeconds));
            },
            static r => new ResetApplicationSessionTimer(r.Text("sessionID"), Duration(r, "requestedSessionDuration")), Ns);
        maps.Add<ResetApplicationSessionTimerPosResponse>("ResetApplicationSessionTimerPosResponse",
            static (w, m) => w.Text("actualSessionDuration", Seconds(m.ActualSessionDurationSeconds)),
            static r => new ResetApplicationSessionTimerPosResponse(Duration(r, "actualSessionDuration")), Ns);
        maps.Add<ResetApplicationSessionTimerNegResponse>("ResetApplicationSessionTimerNegResponse",
            static (w, m) => WriteError(w, m.ErrorCode), static r => new ResetApplicationSessionTimerNegResponse(ReadError(r)), Ns);
        maps.Add<StopApplicationSession>("StopApplicationSession",
            static (w, m) =>
            {
                w.Text("sessionID", m.SessionId);
                w.Start("sessionEndReason");
                w.Text("appEndReason", m.EndReason);
                w.End();
            },
            static r => new StopApplicationSession(r.Text("sessionID"), r.OptionalText("sessionEndReason/appEndReason")?.Trim() ?? "normal"), Ns);
        maps.AddEmpty<StopApplicationSessionPosResponse>("StopApplicationSessionPosResponse", Ns);
        maps.Add<StopApplicationSessionNegResponse>("StopApplicationSessionNegResponse",
            static (w, m) => WriteError(w, m.ErrorCode), static r => new StopApplicationSessionNegResponse(ReadError(r)), Ns);
    }

    private static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    private static int Duration(FieldReader r, string path)
    {
        var value = r.OptionalInt(path);
        if (value is null && r.Error is null) r.Fail($"missing {path}");
        return value ?? 0;
    }

    private static void WriteError(CstaXmlWriter w, string code)
    {
        w.Start("errorCode");
        w.Text("definedError", code);
        w.End();
    }

    private static string ReadError(FieldReader r) => r.OptionalText("errorCode/definedError")?.Trim() ?? r.OptionalText("errorCode")?.Trim() ?? "unspecified";
}
