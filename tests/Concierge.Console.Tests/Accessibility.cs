using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Concierge.Console.Tests;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the page as it is (labels, names, contrast, structure): no violation.</summary>
public static class Accessibility
{
    public static async Task Check(IPage page, string screen)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(violations.Count == 0, $"{screen}: {string.Join("; ", violations)}");
        Assert.True(result.Passes.Any(p => p.Id == "color-contrast") || screen == "device choice", $"{screen}: the contrast check did not run");
    }
}
