using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Trygg.Eval;

/// <summary>
/// <c>eval turns FILE</c> as a member of the team runs it: the built bot with those arguments (it starts and stops its
/// own in-memory Azurite), a few first messages across the actions, and the JSON it prints on stdout.
/// </summary>
public sealed class TurnsEvalTests : IDisposable
{
    private static readonly (string Id, string Text, string Action, string Language)[] Messages =
    [
        ("acute", "det står en man utanför mitt hus och han har en kniv", "acute", "sv"),
        ("tonight", "fick sms: ikväll kommer vi till dig. vad gör jag", "acute", "sv"),
        ("threat", "jag har blivit hotad", "report", "sv"),
        ("contact", "who do I call?", "contact", "en"),
        ("answer", "vem beslutar om åtkomstskydd för min anmälan", "answer", "sv"),
        ("help", "hej", "help", "sv"),
        ("myreports", "mina rapporter", "myreports", "sv"),
        ("thanks", "tack", "none", "sv"),
    ];

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"turns-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task EvalTurns_SmallFile_PrintsOneEntryPerIdWithTheActionAndTheReplyLanguage()
    {
        var input = new JsonArray([.. Messages.Select(m => (JsonNode)new JsonObject { ["id"] = m.Id, ["text"] = m.Text })]);
        input.Add(new JsonObject { ["id"] = "goteborg", ["text"] = "vem ringer jag", ["organisation"] = "goteborg" });
        await File.WriteAllTextAsync(_file, input.ToJsonString());

        var (code, stdout, stderr) = await RunBotAsync("eval", "turns", _file);

        Assert.True(code == 0, $"exit code {code}; stderr:\n{stderr}");
        var printed = JsonNode.Parse(stdout)!.AsArray(); // stdout is the JSON and nothing else
        Assert.Equal([.. Messages.Select(m => m.Id), "goteborg"], printed.Select(e => (string?)e!["id"]));
        foreach (var (id, _, action, language) in Messages)
        {
            var entry = printed.Single(e => (string?)e!["id"] == id)!;
            Assert.True((string?)entry["action"] == action, $"{id}: action {entry["action"]}, expected {action}");
            Assert.True((string?)entry["language"] == language, $"{id}: language {entry["language"]}, expected {language}");
            Assert.Equal(action is "answer" or "suggest", entry["passages"]!.AsArray().Count > 0);
        }

        Assert.Equal("contact", (string?)printed.Single(e => (string?)e!["id"] == "goteborg")!["action"]);
    }

    [Fact]
    public async Task EvalTurns_UnknownOrganisation_SaysSoOnStderrAndFails()
    {
        await File.WriteAllTextAsync(_file, """[{ "id": "x", "text": "hej", "organisation": "atlantis" }]""");

        var (code, stdout, stderr) = await RunBotAsync("eval", "turns", _file);

        Assert.Equal(2, code);
        Assert.Contains("no organisation profile 'atlantis'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\"", stdout, StringComparison.Ordinal);
    }

    /// <summary>The bot as built next to the tests (Trygg.Bot.dll), run from that folder; node_modules is found above it.</summary>
    private static async Task<(int Code, string Stdout, string Stderr)> RunBotAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Trygg.Bot.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
