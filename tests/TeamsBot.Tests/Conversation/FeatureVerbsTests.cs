using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Conversation.Turns;

namespace Trygg.Conversation;

public sealed class FeatureVerbsTests
{
    [Fact]
    public void EveryFeatureVerb_IsClaimedByARegisteredHandler()
    {
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Storage:ConnectionString", "UseDevelopmentStorage=true");
        });
        var verbs = app.Services.GetServices<ICardActionHandler>().SelectMany(h => h.Verbs).ToHashSet();

        Assert.All(FeatureVerbs.All, v => Assert.Contains(v, verbs));
    }

    [Theory]
    [InlineData("ändra profil", FeatureVerbs.Profile)]
    [InlineData("Andra profil!", FeatureVerbs.Profile)]
    [InlineData("avbryt", FeatureVerbs.CancelReport)]
    [InlineData("Rapportera", FeatureVerbs.Report)]
    [InlineData("jag vill ändra profil och sen något", null)]
    public void Commands_Match_ShortCommandsOnly(string text, string? expected)
    {
        Assert.Equal(expected, Commands.Match(text));
    }
}
