using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Trygg.Organisations.Roles;
using Trygg.Privacy;
using Trygg.Testing;
using Trygg.Testing.Organisations;
using Trygg.Training;

namespace Trygg.Organisations.Sources;

/// <summary>The profiles from the table on Azurite: read at start, a change applied on refresh, a bad change refused.</summary>
public sealed class TableProfileSourceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Read_UploadedProfiles_TheBotServesThem()
    {
        using var host = Host();
        Assert.Equal(0, await UploadAsync(host, TestProfiles.Valid(), TestProfiles.Valid("annan", "Annan kommun")));

        var directory = host.Services.GetRequiredService<IOrganisationDirectory>();

        Assert.Equal(["Annan kommun", "Testkommun"], directory.All.Select(o => o.Name));
        Assert.Equal(new RetentionPolicy(24, 7), directory.Find("annan")!.Retention);
    }

    [Fact]
    public async Task RefreshLoop_ProfileChangedInTable_AppliesOnEveryInstanceWithoutRestart()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var first = Host(time: time);
        using var second = Host(time: time);
        await UploadAsync(first, TestProfiles.Valid());
        await first.StartAsync();
        await second.StartAsync();
        try
        {
            await UploadAsync(first, TestProfiles.Valid(name: "Testkommun, ny"));

            foreach (var instance in new[] { first, second })
            {
                var directory = instance.Services.GetRequiredService<IOrganisationDirectory>();
                for (var tries = 0; tries < 100 && directory.Find("testkommun")!.Name != "Testkommun, ny"; tries++)
                {
                    time.Advance(TimeSpan.FromMinutes(5));
                    await Task.Delay(100);
                }

                Assert.Equal("Testkommun, ny", directory.Find("testkommun")!.Name);
            }
        }
        finally
        {
            await first.StopAsync();
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task RefreshAsync_InvalidChangeInTable_RefusedAndTheLastValidProfileStays()
    {
        var logs = new LogCapture();
        using var host = Host(logs);
        await UploadAsync(host, TestProfiles.Valid());
        var snapshot = host.Services.GetRequiredService<RoleSnapshot>();
        await snapshot.RefreshAsync(CancellationToken.None);

        // Written past the upload's check, as a hand edit in the portal would be.
        await WriteUncheckedAsync(host, TestProfiles.WithInvalidEmail(TestProfiles.Valid(name: "Testkommun, ny")));
        await snapshot.RefreshAsync(CancellationToken.None);

        Assert.Equal("Testkommun", snapshot.Find("testkommun")!.Name);
        var refused = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains($"profile {_prefix}profiles/testkommun, field headOfSecurity.email", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.FullText.Contains("hemlig", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Read_InvalidRowAtStart_StopsTheStartNamingRowAndField()
    {
        using var host = Host();
        await WriteUncheckedAsync(host, TestProfiles.WithInvalidEmail(TestProfiles.Valid()));

        var error = Assert.Throws<OrganisationProfileException>(() => host.Services.GetRequiredService<IOrganisationDirectory>());

        Assert.Contains($"Organisation profile '{_prefix}profiles/testkommun': field 'headOfSecurity.email'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoProfilesInTheTable_StopsTheStartSayingHowToUpload()
    {
        using var host = Host();

        var error = Assert.Throws<OrganisationProfileException>(() => host.Services.GetRequiredService<IOrganisationDirectory>());

        Assert.Contains($"table '{_prefix}profiles' holds no organisation profiles", error.Message, StringComparison.Ordinal);
        Assert.Contains("profiles upload", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StorageUnreachable_StopsTheStartNamingTheTable()
    {
        var nowhere = System.Text.RegularExpressions.Regex.Replace(azurite.ConnectionString, @"TableEndpoint=http://127\.0\.0\.1:\d+", "TableEndpoint=http://127.0.0.1:9");
        using var host = Host(settings: new Dictionary<string, string?> { ["Storage:ConnectionString"] = nowhere });

        var error = Assert.Throws<OrganisationProfileException>(() => host.Services.GetRequiredService<IOrganisationDirectory>());

        Assert.Contains($"could not be read from table '{_prefix}profiles'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Organisations:Source", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_BadProfile_WritesNothingAndNamesFileAndField()
    {
        using var host = Host();
        await UploadAsync(host, TestProfiles.Valid());
        var stderr = new StringWriter();

        var exit = await UploadAsync(host, stderr, TestProfiles.Valid(name: "Testkommun, ny"), TestProfiles.WithInvalidEmail(TestProfiles.Valid("annan")));

        Assert.Equal(1, exit);
        Assert.Contains("Organisation profile 'annan.json': field 'headOfSecurity.email'", stderr.ToString(), StringComparison.Ordinal);
        var stored = await host.Services.GetRequiredService<TableProfileSource>().ReadAsync(CancellationToken.None);
        Assert.Equal("Testkommun", JsonNode.Parse(Assert.Single(stored).Json)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_ProfileOverTheTableLimit_RefusedBeforeWriting()
    {
        using var host = Host();
        var folder = TestProfiles.Folder(TestProfiles.Valid());
        _folders.Add(folder);
        File.AppendAllText(Path.Combine(folder, "testkommun.json"), "\n// " + new string('x', TableProfileSource.MaxJsonLength));
        var stderr = new StringWriter();

        var exit = await ProfilesCommand.TryRunAsync(["profiles", "upload", folder], host.Services, new StringWriter(), stderr);

        Assert.Equal(1, exit);
        Assert.Contains("64 KiB", stderr.ToString(), StringComparison.Ordinal);
        Assert.Throws<OrganisationProfileException>(() => host.Services.GetRequiredService<TableProfileSource>().Read());
    }

    private IHost Host(LogCapture? logs = null, TimeProvider? time = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? []) { ["Organisations:Source"] = "Table" };
        var builder = TryggServices.Builder(azurite, _prefix, new TryggBotOptions
        {
            Settings = all,
            Logs = logs,
            Time = time,
            Services = services => services
                .AddSingleton<IProfileSection, TrainingProfileSection>()
                .AddSingleton<IProfileSection, RetentionProfileSection>(),
        });
        builder.AddOrganisations();
        return builder.Build();
    }

    private Task<int> UploadAsync(IHost host, params JsonObject[] profiles) => UploadAsync(host, new StringWriter(), profiles);

    private async Task<int> UploadAsync(IHost host, StringWriter stderr, params JsonObject[] profiles)
    {
        var folder = TestProfiles.Folder(profiles);
        _folders.Add(folder);
        return (await ProfilesCommand.TryRunAsync(["profiles", "upload", folder], host.Services, new StringWriter(), stderr))!.Value;
    }

    private static Task WriteUncheckedAsync(IHost host, JsonObject profile) =>
        host.Services.GetRequiredService<TableProfileSource>().WriteAsync([((string)profile["id"]!, profile.ToJsonString())], CancellationToken.None);
}
