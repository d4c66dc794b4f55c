using Trygg.Members.Directory;
using Trygg.Teams.Graph;
using Trygg.Testing;

namespace Trygg.Graph;

/// <summary>Program.cs brings the Graph directory in by configuration alone: a Graph section switches it on.</summary>
public sealed class GraphWiringTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task App_WithoutGraphSettings_HasTheUnconfiguredDirectory()
    {
        await using var bot = await TryggBot.StartAsync(azurite);

        Assert.IsType<UnconfiguredDirectory>(bot.App.Get<IDirectory>());
    }

    [Fact]
    public async Task App_WithGraphSettings_HasTheGraphDirectoryOnTheBotsIdentity()
    {
        await using var bot = await TryggBot.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
            ["Bot:TenantId"] = "9b1f6a4e-2c1d-4f8a-9e3b-5a7c2d1e0f42",
            ["Graph:TeamsAppId"] = "e3b0c442-98fc-4c14-9afb-f4c8996fb924",
        });

        Assert.IsType<GraphDirectory>(bot.App.Get<IDirectory>());
    }
}
