using Microsoft.Extensions.DependencyInjection;
using Trygg.Privacy;
using Trygg.Testing.Organisations;

namespace Trygg.Organisations.Sources;

public sealed class ProfilesCommandTests
{
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    private static ServiceProvider Services() =>
        new ServiceCollection().AddSingleton<IProfileSection, RetentionProfileSection>().BuildServiceProvider();

    [Fact]
    public async Task TryRunAsync_AnotherCommand_ReturnsNull()
    {
        using var services = Services();

        Assert.Null(await ProfilesCommand.TryRunAsync(["eval", "intents", "x"], services, _stdout, _stderr));
    }

    [Fact]
    public async Task TryRunAsync_UnknownProfilesCommand_PrintsUsageAndFails()
    {
        using var services = Services();

        Assert.Equal(2, await ProfilesCommand.TryRunAsync(["profiles", "delete"], services, _stdout, _stderr));
        Assert.Contains("profiles upload FOLDER", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryRunAsync_CheckAFolderWithABadSection_FailsNamingFileAndField()
    {
        var profile = TestProfiles.Valid();
        profile["retention"]!["draftDays"] = 30;
        var folder = TestProfiles.Folder(profile, TestProfiles.Valid("annan"));
        try
        {
            using var services = Services();

            Assert.Equal(1, await ProfilesCommand.TryRunAsync(["profiles", "check", folder], services, _stdout, _stderr));

            Assert.Contains("Organisation profile 'testkommun.json': field 'retention.draftDays'", _stderr.ToString(), StringComparison.Ordinal);
            Assert.Equal("", _stdout.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TryRunAsync_CheckAGoodFolder_ListsTheOrganisations()
    {
        var folder = TestProfiles.Folder(TestProfiles.Valid(), TestProfiles.Valid("annan"));
        try
        {
            using var services = Services();

            Assert.Equal(0, await ProfilesCommand.TryRunAsync(["profiles", "check", folder], services, _stdout, _stderr));

            Assert.Contains("2 organisation profiles checked: annan, testkommun", _stdout.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
