using Trygg.Organisations.Sources;
using Trygg.Privacy;
using Trygg.Testing.Organisations;
using Trygg.Training;

namespace Trygg.Organisations;

public sealed class ProfileSectionsTests
{
    private static readonly IProfileSection[] Sections = [new TrainingProfileSection(), new RetentionProfileSection()];

    private static OrganisationDirectory Parse(System.Text.Json.Nodes.JsonObject profile) =>
        OrganisationDirectory.Parse([new ProfileText("testkommun.json", profile.ToJsonString())], Sections);

    [Fact]
    public void Parse_SectionWrittenWithACapital_IsReadAsThatSection()
    {
        var profile = TestProfiles.Valid();
        profile.Remove("retention");
        profile["Retention"] = new System.Text.Json.Nodes.JsonObject { ["incidentMonths"] = 12, ["draftDays"] = 3 };

        var organisation = Parse(profile).Find("testkommun")!;

        Assert.Equal(new RetentionPolicy(12, 3), organisation.Retention);
    }

    [Fact]
    public void Parse_SectionWrittenTwiceInTwoCases_RefusedNamingTheField()
    {
        var profile = TestProfiles.Valid();
        profile["RETENTION"] = new System.Text.Json.Nodes.JsonObject { ["incidentMonths"] = 12, ["draftDays"] = 3 };

        var error = Assert.Throws<OrganisationProfileException>(() => Parse(profile));

        Assert.Contains("'testkommun.json'", error.Message, StringComparison.Ordinal);
        Assert.Contains("written twice", error.Message, StringComparison.Ordinal);
        Assert.Equal("RETENTION", error.Field);
    }

    [Fact]
    public void Parse_UnclaimedFieldWithACapital_StillRefusedAsAMisspelling()
    {
        var profile = TestProfiles.Valid();
        profile["Retentoin"] = 3;

        var error = Assert.Throws<OrganisationProfileException>(() => Parse(profile));

        Assert.Equal("Retentoin", error.Field);
        Assert.Contains("check the spelling", error.Message, StringComparison.Ordinal);
    }
}
