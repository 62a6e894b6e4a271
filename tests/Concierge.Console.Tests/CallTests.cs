using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Concierge.Console.Tests;

/// <summary>
/// Calls end to end: the server and the emulated OpenScape Voice on loopback, two attendants in two browser profiles.
/// A caller of the public network dials the main pilot; both attendants see it queue; the first becomes available,
/// gets it offered, answers by keyboard, parks it, retrieves it, holds and retrieves it, pages an office user for it
/// and retrieves it, and transfers it to an office user found in the directory, who answers; the second attendant sees the queue and the processing queue change all along.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CallTests(Browser browser, EmulatedConsoleServer server) : IClassFixture<EmulatedConsoleServer>, IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContexts();

    [Fact]
    public async Task A_call_is_answered_by_keyboard_parked_retrieved_and_transferred_while_a_second_attendant_sees_the_queues_change()
    {
        var first = await browser.Open(server.Address);
        await ConsolePage.AtDevice(first, "DEFAULT\\user", "7580", available: false);
        var second = await browser.Open(server.Address);
        await ConsolePage.AtDevice(second, "DEFAULT\\anna", "7581", available: false);

        await server.Pbx.DialAsync("caller", "+493011100001", "+4950505803201");
        var waiting = first.Locator("#queue-\\+4950505803201 tbody tr");
        await Expect(waiting).ToHaveCountAsync(1);
        await Expect(waiting).ToContainTextAsync("Kaya, Kim (+493011100001)"); // the caller's name from the directory
        await Expect(waiting).ToContainTextAsync("Example Company");
        await Expect(waiting).ToContainTextAsync("music");
        await Expect(second.Locator("#queue-\\+4950505803201 tbody tr")).ToContainTextAsync("+493011100001");
        await Screenshots.Take(first, "call", 1, "queued-first-attendant");
        await Screenshots.Take(second, "call", 2, "queued-second-attendant");
        await Accessibility.Check(first, "working screen with a waiting call");

        // Available: the call is offered to the first attendant, whose phone rings; it leaves the queue for both.
        await ConsolePage.Press(first, "v");
        await Expect(first.Locator("#current-state")).ToHaveTextAsync("ringing at your phone");
        await Expect(second.Locator("#queue-\\+4950505803201")).ToHaveCountAsync(0);
        await server.Pbx.WaitUntilAsync(osv => osv.Phone("7580")!.IsRinging, Bound, "7580 rings");
        await Screenshots.Take(first, "call", 3, "offered");
        await Screenshots.Take(second, "call", 4, "queue-empty-for-second");

        await ConsolePage.Press(first, "a");
        await Expect(first.Locator("#current-state")).ToHaveTextAsync("connected");
        await Expect(first.Locator("#current-caller")).ToHaveTextAsync("Kaya, Kim (+493011100001)");
        await server.Pbx.WaitUntilAsync(osv => osv.Phone("7580")!.IsConnected, Bound, "7580 talks to the caller");
        await Screenshots.Take(first, "call", 5, "answered-by-keyboard");

        await ConsolePage.Press(first, "k");
        var parked = first.Locator("#processing tbody tr");
        await Expect(parked).ToContainTextAsync("parked");
        await Expect(parked).ToContainTextAsync("+493011100001");
        await Expect(second.Locator("#processing tbody tr")).ToContainTextAsync("parked");
        await Expect(first.Locator("#current-call")).ToHaveTextAsync("No call.");
        await Screenshots.Take(first, "call", 6, "parked");
        await Screenshots.Take(second, "call", 7, "parked-seen-by-second");

        // Retrieved, the call rings the attendant's phone again and is answered from the keyboard again.
        await ConsolePage.Press(first, "r");
        await Expect(first.Locator("#current-state")).ToHaveTextAsync("ringing at your phone");
        await ConsolePage.Press(first, "a");
        await Expect(first.Locator("#current-state")).ToHaveTextAsync("connected");
        await Expect(first.Locator("#processing")).ToHaveCountAsync(0);
        await Expect(second.Locator("#processing")).ToHaveCountAsync(0);
        await Screenshots.Take(first, "call", 8, "retrieved");

        // Hold: the call waits in the processing queue as held; retrieved, it rings again and is answered.
        await ConsolePage.Press(first, "h");
        await Expect(second.Locator("#processing tbody tr")).ToContainTextAsync("held");
        await Expect(first.Locator("#processing tbody tr")).ToContainTextAsync("held");
        await Accessibility.Check(first, "working screen with a held call");
        await ConsolePage.Press(first, "r");
        await Expect(first.Locator("#current-state")).ToHaveTextAsync("ringing at your phone");
        await ConsolePage.Press(first, "a");
        await Expect(first.Locator("#current-state")).ToHaveTextAsync("connected");

        // Page an office user found in the directory: the call waits on a callback number, shown with the target.
        await ConsolePage.Press(first, "/");
        await first.Keyboard.TypeAsync("Becker");
        await Expect(first.Locator("#target-results li.active")).ToContainTextAsync("+4950505807002");
        await first.Keyboard.PressAsync("Shift+Enter");
        await Expect(first.Locator("#why-page")).ToBeEmptyAsync();
        var paging = first.Locator("#processing tbody tr");
        await Expect(paging).ToContainTextAsync("paging");
        await Expect(paging).ToContainTextAsync("+4950505807002 (callback +49505058033");
        await Screenshots.Take(first, "call", 9, "paging");
        await ConsolePage.Press(first, "r");
        await Expect(first.Locator("#current-state")).ToHaveTextAsync("ringing at your phone");
        await ConsolePage.Press(first, "a");
        await Expect(first.Locator("#current-state")).ToHaveTextAsync("connected");

        // Transfer to an office user found in the directory: the target rings, answers, and the call leaves the CPS.
        await ConsolePage.Press(first, "/");
        await first.Keyboard.TypeAsync("Adams");
        await Expect(first.Locator("#target-results li.active")).ToContainTextAsync("+4950505807001");
        await Expect(first.Locator("#target-results li.active .lamp-tag")).ToHaveTextAsync("idle");
        await first.Keyboard.PressAsync("Enter");
        await Expect(first.Locator("#why-transfer")).ToBeEmptyAsync();
        await Expect(second.Locator("#processing tbody tr")).ToContainTextAsync("transferring");
        await server.Pbx.WaitUntilAsync(osv => osv.Phone("7001")!.IsRinging, Bound, "7001 rings");
        await Screenshots.Take(first, "call", 10, "transferring");
        Assert.True(await server.Pbx.AnswerAsync("7001"));
        await Expect(first.Locator("#processing")).ToHaveCountAsync(0);
        await Expect(second.Locator("#processing")).ToHaveCountAsync(0);
        await Expect(first.Locator("#current-call")).ToHaveTextAsync("No call.");
        await Expect(first.Locator("#busy-lamps button[data-device='+4950505807001']")).ToContainTextAsync("busy");
        await Screenshots.Take(first, "call", 11, "transferred");

        // The caller hangs up: the call's record is stored and the shift's statistics count it for its pilot.
        Assert.True(await server.Pbx.HangUpCallerAsync("caller"));
        var main = first.Locator("#statistics-table tbody tr").First;
        await Expect(main.Locator("th")).ToHaveTextAsync("Main");
        await Expect(main.Locator("td").Nth(0)).ToHaveTextAsync("1"); // offered
        await Expect(main.Locator("td").Nth(1)).ToHaveTextAsync("1"); // answered
        await Screenshots.Take(first, "call", 12, "statistics");
        Assert.Empty(server.Pbx.Faults);
    }
}
