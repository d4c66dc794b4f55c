using System.Diagnostics;
using System.Text.Json.Nodes;
using Trygg.Testing;

namespace Trygg.Cards;

/// <summary>
/// Runs the official JS templating engine (oracle/expand.mjs) on a batch of cases in ONE node process.
/// Fails, never skips, when node or the npm packages are missing: a silent skip would hide engine drift.
/// </summary>
internal static class NodeOracle
{
    public static string Script => RepoPaths.Combine("tests", "TeamsBot.Tests", "Cards", "oracle", "expand.mjs");

    /// <summary>One result per case: the expanded JSON, or null output with the error text.</summary>
    public static IReadOnlyList<(JsonNode? Output, string? Error)> Expand(IReadOnlyList<(string Template, JsonNode? Data)> cases)
    {
        var package = RepoPaths.Combine("node_modules", "adaptivecards-templating", "package.json");
        Assert.True(File.Exists(package),
            $"The card template oracle needs npm packages: run `npm ci` (or `npm install`) in {RepoPaths.Root}.");
        var node = FindNode() ?? throw new Xunit.Sdk.XunitException("node was not found on PATH; install Node.js (20+) to run the card template oracle.");

        var input = Path.GetTempFileName();
        try
        {
            var batch = new JsonArray([.. cases.Select(c => new JsonObject
            {
                ["template"] = c.Template,
                ["data"] = c.Data?.DeepClone(),
            })]);
            File.WriteAllText(input, batch.ToJsonString());

            var start = new ProcessStartInfo(node)
            {
                ArgumentList = { Script, input },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepoPaths.Root,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new Xunit.Sdk.XunitException("The node oracle did not finish within 2 minutes.");
            }

            Assert.True(process.ExitCode == 0, $"The node oracle failed ({process.ExitCode}): {stderr.Result}");
            var results = JsonNode.Parse(stdout)!.AsArray();
            Assert.Equal(cases.Count, results.Count);
            return [.. results.Select(r => r!["ok"]!.GetValue<bool>()
                ? (r["output"]?.DeepClone(), (string?)null)
                : ((JsonNode?)null, r["error"]!.GetValue<string>()))];
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string? FindNode()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe", "node.cmd" } : ["node"];
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }
}
