using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using Trygg.Testing;

namespace Trygg.Manifest;

/// <summary>
/// scripts/package-app.sh turns manifest/ into a package Teams accepts: the filled-in manifest validates against the
/// v1.29 schema kept in manifest/schema, and the zip holds exactly the files the manifest names.
/// </summary>
public sealed class AppPackageTests(AppPackageTests.DefaultPackage built) : IClassFixture<AppPackageTests.DefaultPackage>
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
        JsonSchema.FromFileAsync(RepoPaths.Combine("manifest", "schema", "MicrosoftTeams.v1.29.schema.json")));

    [Fact]
    public async Task PackageApp_AllSettings_ValidatesAgainstTheTeamsSchema()
    {
        var package = await built.GetAsync();

        var manifest = package.Manifest();
        var errors = (await Schema.Value).Validate(manifest.ToJsonString());

        Assert.True(errors.Count == 0, string.Join('\n', Flatten(errors).Select(e => $"{e.Path}: {e.Kind}")));
        Assert.Equal("1.29", manifest["manifestVersion"]!.GetValue<string>()); // a const the validator does not evaluate
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task PackageApp_Zip_HoldsExactlyTheManifestTheTwoIconsAndTheEnglishFile()
    {
        var package = await built.GetAsync();

        var entries = package.Entries();

        // Teams reads the icons and every localisation file the manifest names from the package root; nothing else belongs there.
        Assert.Equal(["color.png", "en.json", "manifest.json", "outline.png"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(RepoPaths.Combine("manifest", "color.png")), entries["color.png"]);
        Assert.Equal(File.ReadAllBytes(RepoPaths.Combine("manifest", "outline.png")), entries["outline.png"]);
        Assert.Equal(File.ReadAllBytes(RepoPaths.Combine("manifest", "en.json")), entries["en.json"]);
        var manifest = package.Manifest();
        Assert.Equal("en.json", manifest["localizationInfo"]!["additionalLanguages"]![0]!["file"]!.GetValue<string>());
    }

    [Fact]
    public async Task PackageApp_FillsTheIdsDomainAndTheMunicipalitysSettings()
    {
        var package = await built.GetAsync();

        var manifest = package.Manifest();

        Assert.Equal(AppPackage.TeamsAppId, manifest["id"]!.GetValue<string>());
        Assert.Equal("1.2.0", manifest["version"]!.GetValue<string>());
        Assert.Equal(AppPackage.BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(AppPackage.BotId, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal([AppPackage.BotDomain], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        var developer = manifest["developer"]!;
        Assert.Equal("Alingsås kommun", developer["name"]!.GetValue<string>());
        Assert.Equal("https://www.alingsas.se/trygg/personuppgifter", developer["privacyUrl"]!.GetValue<string>());
        Assert.Equal("https://www.alingsas.se/trygg/villkor", developer["termsOfUseUrl"]!.GetValue<string>());
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageApp_NoTeamsAppId_UsesTheBotIdAsManifestId()
    {
        var settings = AppPackage.Settings();
        settings.Remove("TEAMS_APP_ID");
        using var package = await AppPackage.BuildAsync(settings);
        Assert.True(package.Result.ExitCode == 0, package.Result.ToString());

        Assert.Equal(AppPackage.BotId, package.Manifest()["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PackageApp_SettingsFromAnAzdEnvFile_AreUsed()
    {
        var file = Path.GetTempFileName();
        try
        {
            var settings = AppPackage.Settings();
            await File.WriteAllLinesAsync(file, settings.Select(s => $"{s.Key}=\"{s.Value}\""));
            using var package = await AppPackage.BuildAsync(settings.ToDictionary(s => s.Key, _ => (string?)null), "--env-file", file);
            Assert.True(package.Result.ExitCode == 0, package.Result.ToString());

            Assert.Equal(AppPackage.BotDomain, package.Manifest()["validDomains"]![0]!.GetValue<string>());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("BOT_ID", null, "BOT_ID is not set")]
    [InlineData("PRIVACY_URL", null, "PRIVACY_URL is not set")]
    [InlineData("TERMS_URL", "http://www.alingsas.se/villkor", "TERMS_URL must be an https URL")]
    [InlineData("BOT_ID", "trygg-bot", "BOT_ID must be the client id")]
    [InlineData("BOT_DOMAIN", "https://trygg.azurewebsites.net/", "BOT_DOMAIN must be a host name")]
    [InlineData("APP_VERSION", "1.2", "APP_VERSION must be a version")]
    [InlineData("DEVELOPER_NAME", "Säkerhetsenheten i Alingsås kommun, kommunledningskontoret", "DEVELOPER_NAME must be at most 32 characters")]
    public async Task PackageApp_MissingOrWrongSetting_FailsNamingItAndWritesNoPackage(string name, string? value, string message)
    {
        var settings = AppPackage.Settings();
        settings[name] = value;
        using var package = await AppPackage.BuildAsync(settings);

        Assert.NotEqual(0, package.Result.ExitCode);
        Assert.Contains(message, package.Result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(package.ZipPath));
    }

    [Fact]
    public async Task PackageApp_SameInputs_SameBytes()
    {
        using var second = await AppPackage.BuildAsync();

        Assert.Equal(File.ReadAllBytes((await built.GetAsync()).ZipPath), File.ReadAllBytes(second.ZipPath));
    }

    [Fact]
    public async Task Schema_RejectsWhatTeamsWouldReject()
    {
        // The validator must be able to fail: a bot id that is no GUID, an unknown property, a missing required field.
        var schema = await Schema.Value;
        var manifest = (await built.GetAsync()).Manifest();
        manifest["bots"]![0]!["botId"] = "not-a-guid";
        manifest["colour"] = "#1B4F72";
        manifest.Remove("developer");

        var errors = Flatten(schema.Validate(manifest.ToJsonString())).Select(e => e.Path ?? e.Property ?? string.Empty).ToList();

        Assert.Contains(errors, p => p.Contains("botId", StringComparison.Ordinal));
        Assert.Contains(errors, p => p.Contains("colour", StringComparison.Ordinal));
        Assert.Contains(errors, p => p.Contains("developer", StringComparison.Ordinal));
    }

    /// <summary>NJsonSchema reports an error inside an array item or a oneOf branch as a parent error with children.</summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child
            ? [e, .. Flatten(child.Errors.SelectMany(kv => kv.Value))]
            : new[] { e });

    /// <summary>The package built once from the default settings, shared by the tests that only read it.</summary>
    public sealed class DefaultPackage : IDisposable
    {
        private readonly Lazy<Task<AppPackage>> _package = new(async () =>
        {
            var package = await AppPackage.BuildAsync();
            Assert.True(package.Result.ExitCode == 0, package.Result.ToString());
            return package;
        });

        public Task<AppPackage> GetAsync() => _package.Value;

        public void Dispose()
        {
            if (_package.IsValueCreated && _package.Value.IsCompletedSuccessfully)
            {
                _package.Value.Result.Dispose();
            }
        }
    }
}
