using Trygg.Organisations;
using Trygg.Testing;
using Trygg.Testing.Cases;
using Trygg.Training;

namespace Trygg.Privacy;

public sealed class RetentionProfileTests
{
    [Fact]
    public void Retention_ShippedProfiles_StateTheirRetention()
    {
        var directory = ShippedProfiles.Load();

        Assert.Equal(3, directory.All.Count);
        Assert.All(directory.All, o => Assert.Equal(new RetentionPolicy(24, 7), o.Retention));
    }

    [Theory]
    [InlineData("", "retention")]
    [InlineData("\"retention\": { \"draftDays\": 7 },", "retention.incidentMonths")]
    [InlineData("\"retention\": { \"incidentMonths\": 0, \"draftDays\": 7 },", "retention.incidentMonths")]
    [InlineData("\"retention\": { \"incidentMonths\": 121, \"draftDays\": 7 },", "retention.incidentMonths")]
    [InlineData("\"retention\": { \"incidentMonths\": 24 },", "retention.draftDays")]
    [InlineData("\"retention\": { \"incidentMonths\": 24, \"draftDays\": 30 },", "retention.draftDays")]
    [InlineData("\"retention\": { \"incidentMonths\": \"två år\", \"draftDays\": 7 },", "retention.incidentMonths")]
    [InlineData("\"retention\": { \"incidentMonths\": 24, \"draftDays\": 7, \"drafts\": 3 },", "retention.drafts")]
    public void Load_BadRetention_StopsStartUpNamingTheField(string retention, string field)
    {
        var error = Assert.Throws<OrganisationProfileException>(() => ShippedProfiles.LoadAlingsasEdited(profile =>
        {
            var start = profile.IndexOf("\"retention\"", StringComparison.Ordinal);
            var end = profile.IndexOf("},", start, StringComparison.Ordinal) + 2;
            return profile[..start] + retention + profile[end..];
        }));

        Assert.Contains($"field '{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("alingsas.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_OrganisationBuiltInCode_KeepsTheDefault() =>
        Assert.Equal(new RetentionPolicy(24, 7), TestOrganisations.Testkommun().Retention);
}
