using Trygg.Testing;
using Trygg.Training;

namespace Trygg.Organisations;

public sealed class OrganisationTrainingTests
{
    private static readonly string ShippedFolder = RepoPaths.Combine("bot", "Organisations", "Profiles");

    [Fact]
    public void ShippedProfiles_ListTheirCampaigns()
    {
        var directory = OrganisationDirectory.Load(ShippedFolder);

        var stockholm = directory.Find("stockholm")!;
        Assert.Contains(stockholm.Training, c => c.Kind == CampaignKind.Yearly && c.Audience == TrainingAudience.SarskiltArvoderade);
        Assert.All(directory.All, o => Assert.Contains(o.Training, c => c.Kind == CampaignKind.MandatePeriod && c.Audience == TrainingAudience.AllMembers));
        Assert.All(directory.All, o => Assert.Contains(o.Training, c => c.Kind == CampaignKind.ElectionYear && c.MaxReminders == 1));
    }

    [Theory]
    [InlineData("{ \"id\": \"x\", \"kind\": \"weekly\", \"name\": \"X\", \"audience\": \"allMembers\" }", "training[0].kind")]
    [InlineData("{ \"id\": \"x\", \"kind\": \"mandatePeriod\", \"name\": \"X\", \"audience\": \"allMembers\", \"everyDays\": 14 }", "training[0].deadlineDays")]
    [InlineData("{ \"id\": \"x\", \"kind\": \"yearly\", \"name\": \"X\", \"audience\": \"everyone\", \"everyDays\": 14 }", "training[0].audience")]
    [InlineData("{ \"id\": \"x\", \"kind\": \"yearly\", \"name\": \"X\", \"audience\": \"allMembers\", \"everyDays\": 14, \"link\": \"http://insecure.example\" }", "training[0].link")]
    [InlineData("{ \"id\": \"x\", \"kind\": \"yearly\", \"name\": \"X\", \"audience\": \"allMembers\", \"everyDays\": 14, \"reminders\": 2 }", "training[0].reminders")]
    public void ABadCampaign_StopsStartUp_NamingTheField(string campaign, string field)
    {
        var folder = Directory.CreateTempSubdirectory("trygg-training-").FullName;
        try
        {
            var profile = File.ReadAllText(Path.Combine(ShippedFolder, "alingsas.json"));
            var start = profile.IndexOf("\"training\"", StringComparison.Ordinal);
            var end = profile.LastIndexOf(']');
            File.WriteAllText(Path.Combine(folder, "alingsas.json"), profile[..start] + "\"training\": [" + campaign + profile[end..]);

            var error = Assert.Throws<OrganisationProfileException>(() => OrganisationDirectory.Load(folder));

            Assert.Contains(field, error.Message, StringComparison.Ordinal);
            Assert.Contains("alingsas.json", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
