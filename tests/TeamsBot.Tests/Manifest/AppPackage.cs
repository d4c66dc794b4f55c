using System.IO.Compression;
using System.Text.Json.Nodes;
using Trygg.Infra;
using Trygg.Testing;

namespace Trygg.Manifest;

/// <summary>Runs scripts/package-app.sh as an IT person would, into a temporary folder, and opens the result.</summary>
public sealed class AppPackage : IDisposable
{
    public const string BotId = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
    public const string TeamsAppId = "4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b";
    public const string BotDomain = "trygg-prod-x7k2.azurewebsites.net";

    private AppPackage(string folder, ToolProcess.Result result)
    {
        Folder = folder;
        Result = result;
    }

    public string Folder { get; }

    public ToolProcess.Result Result { get; }

    public string ZipPath => Path.Combine(Folder, "appPackage.zip");

    /// <summary>Every setting the script needs, with plausible values; tests remove or spoil one.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["BOT_ID"] = BotId,
        ["TEAMS_APP_ID"] = TeamsAppId,
        ["BOT_DOMAIN"] = BotDomain,
        ["DEVELOPER_NAME"] = "Alingsås kommun",
        ["WEBSITE_URL"] = "https://www.alingsas.se/trygg",
        ["PRIVACY_URL"] = "https://www.alingsas.se/trygg/personuppgifter",
        ["TERMS_URL"] = "https://www.alingsas.se/trygg/villkor",
        ["APP_VERSION"] = "1.2.0",
    };

    public static async Task<AppPackage> BuildAsync(IDictionary<string, string?>? settings = null, params string[] extraArguments)
    {
        var folder = Path.Combine(Path.GetTempPath(), "trygg-package-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string?>(settings ?? Settings());
        foreach (var name in Settings().Keys.Where(k => !environment.ContainsKey(k)))
        {
            environment[name] = null; // never inherit a value from the machine running the tests
        }

        var result = await ToolProcess.RunAsync(
            "bash",
            [RepoPaths.Combine("scripts", "package-app.sh"), "--out", folder, .. extraArguments],
            environment,
            RepoPaths.Root);
        return new AppPackage(folder, result);
    }

    public Dictionary<string, byte[]> Entries()
    {
        using var zip = ZipFile.OpenRead(ZipPath);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public JsonObject Manifest() => JsonNode.Parse(Entries()["manifest.json"])!.AsObject();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
