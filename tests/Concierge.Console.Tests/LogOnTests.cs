using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Concierge.Console.Tests;

/// <summary>Log-on, the choice of the place, log-off, and what one tenant's user sees of another tenant: nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LogOnTests(Browser browser, ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContexts();

    [Fact]
    public async Task A_bad_log_on_shows_the_servers_reason_and_a_good_one_leads_to_the_place_and_the_working_screen()
    {
        var page = await browser.Open(server.Address);
        await Screenshots.Take(page, "logon", 1, "form");
        await ConsolePage.LogOn(page, "DEFAULT\\user", "not the password at all");
        await Expect(page.Locator("#logon-error")).ToContainTextAsync("Log-on refused");
        await Expect(page.Locator("#logon-error")).ToContainTextAsync("wrong");
        await Screenshots.Take(page, "logon", 2, "refused");

        await ConsolePage.LogOn(page, "DEFAULT user");
        await Expect(page.Locator("#logon-error")).ToHaveTextAsync("give the account as tenant\\user, e.g. DEFAULT\\user");

        await ConsolePage.LogOn(page, "DEFAULT\\user");
        await Expect(page.Locator("#device")).ToBeVisibleAsync();
        var places = page.GetByRole(AriaRole.Radio);
        await Expect(places).ToHaveCountAsync(3); // 7580, 7581, 7582 of DEFAULT; 7583 is MUENCHEN's
        await Screenshots.Take(page, "logon", 3, "device-choice");

        await page.GetByRole(AriaRole.Radio, new() { Name = "7581" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Work here" }).ClickAsync();
        await Expect(page.Locator("#desk-state")).ToHaveTextAsync("available");
        await Expect(page.Locator("#desk-device")).ToHaveTextAsync("7581 (+4950505807581)");
        await Expect(page.Locator("#who")).ToHaveTextAsync("DEFAULT\\user at +4950505807581");
        await Expect(page.Locator("#banner-trunk")).ToContainTextAsync("SIP trunk not registered");
        await Expect(page.Locator("#banner-link")).ToContainTextAsync("CSTA link");
        await Expect(page.Locator("#caller-queues")).ToContainTextAsync("Main (+4950505803201)");
        await Expect(page.Locator("#statistics-table")).ToContainTextAsync("All calls");
        await Screenshots.Take(page, "logon", 4, "working-screen");

        await ConsolePage.Press(page, "l");
        await Expect(page.Locator("#logon")).ToBeVisibleAsync();
        // the token is revoked: the API refuses the old session
        var status = await page.EvaluateAsync<int>("async () => (await fetch('/api/attendants')).status");
        Assert.Equal(401, status);
    }

    [Fact]
    public async Task A_user_of_one_tenant_sees_nothing_of_another_tenant()
    {
        var page = await browser.Open(server.Address);
        await ConsolePage.LogOn(page, "MUENCHEN\\user");
        await Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(1);
        await Expect(page.Locator("#device-list")).ToContainTextAsync("7583");
        await Expect(page.Locator("#device-list")).Not.ToContainTextAsync("7580");
        await page.GetByRole(AriaRole.Button, new() { Name = "Work here" }).ClickAsync();
        await Expect(page.Locator("#desk-state")).ToHaveTextAsync("available");
        await Expect(page.Locator("#caller-queues")).ToContainTextAsync("Munich Main (+4950505803210)");
        var queues = await page.Locator("#caller-queues").InnerTextAsync();
        Assert.DoesNotContain("+4950505803201", queues);
        Assert.DoesNotContain("Intercept", queues);
        await Screenshots.Take(page, "tenant", 1, "muenchen-desk");

        // Another tenant's place is refused with the server's reason, as an unknown one is.
        var refused = await page.EvaluateAsync<string>("""
            async () => {
              const token = JSON.parse(sessionStorage.getItem('concierge.console')).token;
              const r = await fetch('/api/attendants/+4950505807580/logon', { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, body: '{"available":true}' });
              return r.status + ' ' + (await r.json()).detail;
            }
            """);
        Assert.StartsWith("404 device", refused);
    }
}
