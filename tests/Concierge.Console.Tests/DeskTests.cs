using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Concierge.Console.Tests;

/// <summary>
/// The working screen without calls: every action on screen has its key in the shortcut list and works from the
/// keyboard, a refused command shows the server's reason next to its action, the directory search finds targets with
/// their busy lamps, the screen is rebuilt from the snapshot after the stream reconnects, and the accessibility basics
/// (labels, focus order, contrast of the state colours) hold on every screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskTests(Browser browser, ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContexts();

    [Fact]
    public async Task Every_action_has_a_listed_key_and_a_refused_command_shows_the_servers_reason_next_to_it()
    {
        var page = await browser.Open(server.Address);
        await ConsolePage.AtDevice(page, "DEFAULT\\user", "7580");

        // Each action button names its key, and the shortcut table lists that key for that action.
        var buttons = page.Locator("#desk button[data-action]");
        var count = await buttons.CountAsync();
        Assert.True(count >= 11, $"{count} action buttons");
        for (var i = 0; i < count; i++)
        {
            var action = await buttons.Nth(i).GetAttributeAsync("data-action");
            var key = await buttons.Nth(i).Locator("kbd").InnerTextAsync();
            var listed = page.Locator($"#shortcuts tr[data-action='{action}'] kbd");
            await Expect(listed).ToHaveTextAsync(key);
        }

        await ConsolePage.Press(page, "a");
        await Expect(page.Locator("#why-answer")).Not.ToBeEmptyAsync();
        var reason = await page.Locator("#why-answer").InnerTextAsync();
        Assert.Contains("+4950505807580", reason); // the engine's words: nothing to answer at this device
        await Screenshots.Take(page, "keys", 1, "answer-refused");

        await ConsolePage.Press(page, "u");
        await Expect(page.Locator("#desk-state")).ToHaveTextAsync("unavailable");
        await ConsolePage.Press(page, "v");
        await Expect(page.Locator("#desk-state")).ToHaveTextAsync("available");

        await ConsolePage.Press(page, "p");
        await Expect(page.Locator("#why-pick")).ToHaveTextAsync("no call is waiting in your queues");
        await ConsolePage.Press(page, "r");
        await Expect(page.Locator("#why-retrieve")).ToHaveTextAsync("no call is in the processing queue");
        await ConsolePage.Press(page, "t");
        await Expect(page.Locator("#why-transfer")).ToHaveTextAsync("type a name or number in the target field first");
        await Expect(page.Locator("#target-input")).ToBeFocusedAsync();

        // The directory search: the entry with its busy lamp (unknown while the CSTA link is down); Enter transfers,
        // and with no call the server's refusal stands next to Transfer.
        await page.Keyboard.TypeAsync("Adams");
        await Expect(page.Locator("#target-results li.active")).ToContainTextAsync("+4950505807001");
        await Expect(page.Locator("#target-results li.active .lamp-tag")).ToHaveTextAsync("unknown");
        await Screenshots.Take(page, "keys", 2, "directory-search");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#why-transfer")).Not.ToBeEmptyAsync();
        Assert.DoesNotContain("type a name", await page.Locator("#why-transfer").InnerTextAsync());
        await page.Keyboard.PressAsync("Shift+Enter");
        await Expect(page.Locator("#why-page")).Not.ToBeEmptyAsync();
        await Screenshots.Take(page, "keys", 3, "transfer-and-page-refused");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#target-input")).ToHaveValueAsync("");

        await ConsolePage.Press(page, "/");
        await Expect(page.Locator("#target-input")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await ConsolePage.Press(page, "b");
        await Expect(page.Locator("#busy-lamps button").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter"); // a lamp chosen fills the target in
        await Expect(page.Locator("#target-input")).ToHaveValueAsync("+4950505807001");
        await page.Keyboard.PressAsync("Escape");
        await ConsolePage.Press(page, "l");
        await Expect(page.Locator("#logon")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task After_the_stream_drops_the_screen_is_rebuilt_from_the_snapshot_of_the_reconnect()
    {
        var page = await browser.Open(server.Address);
        await ConsolePage.AtDevice(page, "DEFAULT\\anna", "7582");
        await page.EvaluateAsync("() => window.conciergeConsole.dropStream(2500)");
        await Expect(page.Locator("#banner-connection")).ToContainTextAsync("Connection to the server lost");
        // While the stream is away the attendant becomes unavailable elsewhere (through the API).
        var status = await page.EvaluateAsync<int>("""
            async () => {
              const token = JSON.parse(sessionStorage.getItem('concierge.console')).token;
              return (await fetch('/api/attendants/+4950505807582/unavailable', { method: 'POST', headers: { Authorization: 'Bearer ' + token } })).status;
            }
            """);
        Assert.Equal(200, status);
        await Expect(page.Locator("#desk-state")).ToHaveTextAsync("available"); // nothing heard yet
        await Screenshots.Take(page, "reconnect", 1, "connection-lost");
        await Expect(page.Locator("#desk-state")).ToHaveTextAsync("unavailable");
        await Expect(page.Locator("#banner-connection")).ToHaveCountAsync(0);
        await Screenshots.Take(page, "reconnect", 2, "rebuilt");
    }

    [Fact]
    public async Task Labels_focus_order_and_the_contrast_of_the_state_colours_hold_on_every_screen()
    {
        var page = await browser.Open(server.Address);
        await Accessibility.Check(page, "log-on screen");
        // Focus order on the log-on form: account, password, the button.
        await page.Locator("#account").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#password")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#logon-button")).ToBeFocusedAsync();

        await ConsolePage.LogOn(page, "DEFAULT\\user");
        await Expect(page.GetByRole(AriaRole.Radio).First).ToBeFocusedAsync();
        await Accessibility.Check(page, "device choice");
        await page.GetByRole(AriaRole.Radio, new() { Name = "7581" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Work here" }).ClickAsync();
        await Expect(page.Locator("#desk-state")).ToHaveTextAsync("available");
        await Expect(page.Locator("#busy-lamps button")).ToHaveCountAsync(10);

        // Every lamp state's colours, shown once each, and the attendant states.
        await page.EvaluateAsync("""
            () => {
              const states = ['idle', 'ringing', 'busy', 'forwarded', 'out-of-service', 'unknown'];
              document.querySelectorAll('#busy-lamps button').forEach((b, i) => {
                const s = states[i % states.length];
                b.className = 'lamp lamp-' + s;
                b.querySelector('.lamp-state').textContent = s.replaceAll('-', ' ');
              });
              const probe = document.createElement('p');
              probe.id = 'state-probe';
              for (const c of ['state-available', 'state-unavailable', 'state-loggedoff', 'badge-ringing', 'badge-connected', 'badge-intercept', 'badge-parked', 'badge-held', 'badge-transferring', 'badge-paging']) {
                const span = document.createElement('span');
                span.className = (c.startsWith('state') ? 'state ' : 'badge ') + c;
                span.textContent = c;
                probe.append(span, ' ');
              }
              document.querySelector('#state-title').after(probe);
            }
            """);
        await Screenshots.Take(page, "a11y", 1, "state-colours");
        await Accessibility.Check(page, "working screen");

        // Focus order of the working screen follows the panels: state actions, call actions, target, transfer and page.
        var order = new List<string>();
        await page.Locator("#act-available").FocusAsync();
        for (var i = 0; i < 12; i++)
        {
            order.Add(await page.EvaluateAsync<string>("() => document.activeElement.id"));
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal(["act-available", "act-unavailable", "act-logoff", "act-answer", "act-pick", "act-release", "act-park", "act-hold",
            "act-retrieve", "target-input", "act-transfer", "act-page"], order);
    }
}
