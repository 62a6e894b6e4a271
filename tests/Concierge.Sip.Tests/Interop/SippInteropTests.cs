using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Sockets;
using Concierge.Sip.Message;
using Concierge.Sip.Tests.UserAgent;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.Interop;

/// <summary>The stack against a real SIP peer: SIPp's built-in uac and uas scenarios over UDP on 127.0.0.1.</summary>
[Collection("Sipp")]
public class SippInteropTests
{
    private static (RealEventLoop Loop, SipStack Stack, SipUserAgent Ua) StartAgent(string name, List<Exception> faults, bool tcp = false)
    {
        var loop = new RealEventLoop("sipp-" + name, ex => { lock (faults) faults.Add(ex); });
        var network = new SocketNetworkStack(loop, IPAddress.Loopback);
        var options = new SipStackOptions { Name = name, Transport = new SipTransportOptions { UdpPort = 0, TcpPort = tcp ? 0 : null, TlsPort = null } };
        var stack = loop.InvokeAsync(() => new SipStack(loop, network, options, new DeterministicRandom(11))).GetAwaiter().GetResult();
        var ua = loop.InvokeAsync(() => new SipUserAgent(stack, new SipUserAgentOptions { UserName = name, SessionTimer = SipSessionTimerOptions.Disabled })).GetAwaiter().GetResult();
        return (loop, stack, ua);
    }

    [Fact]
    public async Task Sipp_uac_places_2000_calls_at_200_per_second_on_a_stack_UAS_with_no_failed_call()
    {
        var sipp = SippRunner.Executable();
        var faults = new List<Exception>();
        var (loop, stack, ua) = StartAgent("uas", faults);
        var answered = 0;
        var ended = 0;
        ua.IncomingCall += call =>
        {
            ua.Ring(call);
            ua.Answer(call, UserAgentNetwork.Sdp("127.0.0.1", 30000));
        };
        ua.CallAnswered += _ => answered++;
        ua.CallEnded += (_, _) => ended++;
        var port = stack.Transport.LocalPort(SipTransportProtocol.Udp);
        var work = Directory.CreateTempSubdirectory("sipp-uac-");
        var csv = Path.Combine(work.FullName, "uac-stats.csv");
        try
        {
            var (exit, output) = await SippRunner.RunAsync(sipp,
                ["-sn", "uac", $"127.0.0.1:{port}", "-i", "127.0.0.1", "-p", SippRunner.FreeUdpPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "-m", "2000", "-r", "200", "-l", "400", "-d", "100", "-timeout", "100s", "-timeout_error", "-nostdin",
                 "-trace_stat", "-stf", csv, "-fd", "1"],
                work.FullName, TimeSpan.FromSeconds(150));
            var stats = SippRunner.LastStatistics(csv);
            Assert.True(exit == 0, $"sipp exit {exit}: {output}");
            Assert.Equal(2000, SippRunner.Counter(stats, "SuccessfulCall(C)"));
            Assert.Equal(0, SippRunner.Counter(stats, "FailedCall(C)"));
            var (ourAnswered, ourEnded, handlerFaults) = await loop.InvokeAsync(() => (answered, ended, stack.HandlerFaults));
            Assert.Equal(2000, ourAnswered);
            Assert.Equal(2000, ourEnded);
            Assert.Equal(0, handlerFaults);
            Assert.Empty(faults);
        }
        finally
        {
            await loop.InvokeAsync(() => { stack.Dispose(); return 0; });
            loop.Dispose();
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Sipp_uac_over_tcp_places_300_calls_on_a_stack_UAS_with_no_failed_call()
    {
        var sipp = SippRunner.Executable();
        var faults = new List<Exception>();
        var (loop, stack, ua) = StartAgent("uas-tcp", faults, tcp: true);
        var ended = 0;
        ua.IncomingCall += call => ua.Answer(call, UserAgentNetwork.Sdp("127.0.0.1", 30000));
        ua.CallEnded += (_, reason) => { if (reason == SipCallEndReason.RemoteBye) ended++; };
        var port = stack.Transport.LocalPort(SipTransportProtocol.Tcp);
        var work = Directory.CreateTempSubdirectory("sipp-uac-tcp-");
        var csv = Path.Combine(work.FullName, "uac-tcp-stats.csv");
        try
        {
            var (exit, output) = await SippRunner.RunAsync(sipp,
                ["-sn", "uac", $"127.0.0.1:{port}", "-t", "t1", "-i", "127.0.0.1", "-p", SippRunner.FreeUdpPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "-m", "300", "-r", "100", "-timeout", "40s", "-timeout_error", "-nostdin", "-trace_stat", "-stf", csv, "-fd", "1"],
                work.FullName, TimeSpan.FromSeconds(60));
            var stats = SippRunner.LastStatistics(csv);
            Assert.True(exit == 0, $"sipp exit {exit}: {output}");
            Assert.Equal(300, SippRunner.Counter(stats, "SuccessfulCall(C)"));
            Assert.Equal(0, SippRunner.Counter(stats, "FailedCall(C)"));
            Assert.Equal(300, await loop.InvokeAsync(() => ended));
            Assert.Equal(0, await loop.InvokeAsync(() => stack.Transport.Counters.MalformedStreamsClosed));
            Assert.Empty(faults);
        }
        finally
        {
            await loop.InvokeAsync(() => { stack.Dispose(); return 0; });
            loop.Dispose();
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Sipp_uas_answers_calls_placed_by_a_stack_UAC()
    {
        var sipp = SippRunner.Executable();
        const int calls = 100;
        var sippPort = SippRunner.FreeUdpPort();
        var work = Directory.CreateTempSubdirectory("sipp-uas-");
        var csv = Path.Combine(work.FullName, "uas-stats.csv");
        var sippRun = SippRunner.RunAsync(sipp,
            ["-sn", "uas", "-i", "127.0.0.1", "-p", sippPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m", calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-timeout", "60s", "-nostdin", "-trace_stat", "-stf", csv, "-fd", "1"],
            work.FullName, TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        var faults = new List<Exception>();
        var (loop, stack, ua) = StartAgent("uac", faults);
        var answered = 0;
        var failed = new List<int>();
        ua.CallAnswered += call => { answered++; ua.Bye(call); };
        ua.CallFailed += (_, status, _) => failed.Add(status);
        var target = SipUri.Sip("service", "127.0.0.1", sippPort);
        try
        {
            for (var i = 0; i < calls; i++)
            {
                loop.Post(() => ua.Invite(target, new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("127.0.0.1", 30000) }));
                await Task.Delay(TimeSpan.FromMilliseconds(10));
            }
            var (exit, output) = await sippRun;
            var stats = SippRunner.LastStatistics(csv);
            Assert.True(exit == 0, $"sipp exit {exit}: {output}");
            Assert.Equal(calls, SippRunner.Counter(stats, "SuccessfulCall(C)"));
            Assert.Equal(0, SippRunner.Counter(stats, "FailedCall(C)"));
            var (ourAnswered, ourFailed, live) = await loop.InvokeAsync(() => (answered, failed.ToArray(), ua.Calls.Count));
            Assert.Equal(calls, ourAnswered);
            Assert.Empty(ourFailed);
            Assert.Equal(0, live);
            Assert.Empty(faults);
        }
        finally
        {
            await loop.InvokeAsync(() => { stack.Dispose(); return 0; });
            loop.Dispose();
            work.Delete(recursive: true);
        }
    }
}
