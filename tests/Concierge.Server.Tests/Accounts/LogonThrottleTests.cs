using System.Net;
using System.Net.Http.Json;
using Concierge.Runtime.Time;
using Concierge.Server.Accounts;

namespace Concierge.Server.Tests.Accounts;

public sealed class LogonThrottleTests
{
    [Fact]
    public void Five_failures_block_an_account_for_the_rest_of_the_window_and_a_success_clears_it()
    {
        var clock = new VirtualTimeProvider();
        var throttle = new LogonThrottle(clock);
        for (var i = 0; i < LogonThrottle.MaxFailuresPerAccount; i++)
        {
            Assert.Equal(TimeSpan.Zero, throttle.RetryAfter(("a", LogonThrottle.MaxFailuresPerAccount)));
            throttle.Failed("a");
            clock.Advance(TimeSpan.FromSeconds(10));
        }
        Assert.Equal(LogonThrottle.Window - TimeSpan.FromSeconds(50), throttle.RetryAfter(("a", LogonThrottle.MaxFailuresPerAccount)));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter(("b", LogonThrottle.MaxFailuresPerAccount)));
        clock.Advance(LogonThrottle.Window - TimeSpan.FromSeconds(50));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter(("a", LogonThrottle.MaxFailuresPerAccount)));
        throttle.Failed("a");
        Assert.True(throttle.RetryAfter(("a", LogonThrottle.MaxFailuresPerAccount)) > TimeSpan.Zero);
        throttle.Succeeded("a");
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter(("a", LogonThrottle.MaxFailuresPerAccount)));
    }

    [Fact]
    public void The_throttle_tracks_a_bounded_number_of_keys()
    {
        var throttle = new LogonThrottle(new VirtualTimeProvider());
        for (var i = 0; i <= LogonThrottle.MaxKeys; i++) throttle.Failed("k" + i);
        throttle.Failed("last");
        throttle.Failed("last");
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter(("k0", 1)));
        Assert.True(throttle.RetryAfter(("last", 2)) > TimeSpan.Zero);
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_api_answers_429_with_retry_after_even_for_the_right_one()
    {
        await using var server = new ThrottledServer();
        await server.InitializeAsync();
        for (var i = 0; i < LogonThrottle.MaxFailuresPerAccount; i++)
        {
            using var wrong = await server.Inner.Anonymous.PostAsJsonAsync("/api/logon", new { account = "DEFAULT\\mia", password = "wrong password " + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var blocked = await server.Inner.Anonymous.PostAsJsonAsync("/api/logon", new { account = "DEFAULT\\mia", password = AbsentPbxServer.Password });
        Assert.Equal((HttpStatusCode)429, blocked.StatusCode);
        Assert.True(blocked.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        using var other = await server.Inner.Anonymous.PostAsJsonAsync("/api/logon", new { account = "DEFAULT\\admin", password = AbsentPbxServer.Password });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private sealed class ThrottledServer : IAsyncDisposable
    {
        public AbsentPbxServer Inner { get; } = new();

        public Task InitializeAsync() => Inner.InitializeAsync();

        public async ValueTask DisposeAsync() => await Inner.DisposeAsync();
    }
}
