using Microsoft.Playwright;

namespace Concierge.Console.Tests;

/// <summary>What the tests do on the console as an attendant would: log on, choose the place, press keys.</summary>
public static class ConsolePage
{
    public static async Task LogOn(IPage page, string account, string password = ConsoleServer.Password)
    {
        await page.GetByLabel("Account").FillAsync(account);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log on" }).ClickAsync();
    }

    /// <summary>Logs on and works at <paramref name="device"/> (its alias as listed), available or not.</summary>
    public static async Task AtDevice(IPage page, string account, string alias, bool available = true)
    {
        await LogOn(page, account);
        await page.GetByRole(AriaRole.Radio, new() { Name = alias }).CheckAsync();
        await page.GetByLabel("Available for calls at once").SetCheckedAsync(available);
        await page.GetByRole(AriaRole.Button, new() { Name = "Work here" }).ClickAsync();
        await Assertions.Expect(page.Locator("#desk-state")).ToHaveTextAsync(available ? "available" : "unavailable");
    }

    /// <summary>Presses <paramref name="key"/> with the focus on the page, outside any text field.</summary>
    public static async Task Press(IPage page, string key)
    {
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await page.Keyboard.PressAsync(key);
    }
}
