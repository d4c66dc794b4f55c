using Trygg.Organisations;
using Trygg.Privacy;
using Trygg.Testing;
using Trygg.Testing.Cases;

namespace Trygg.Training;

public sealed class TrainingProfileTests
{
    [Fact]
    public void Training_ShippedProfiles_ListTheirCampaigns()
    {
        var directory = ShippedProfiles.Load();

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
    public void Load_BadCampaign_StopsStartUpNamingTheField(string campaign, string field)
    {
        var folder = Directory.CreateTempSubdirectory("trygg-training-").FullName;
        try
        {
            var profile = File.ReadAllText(Path.Combine(ShippedProfiles.Folder, "alingsas.json"));
            var start = profile.IndexOf("\"training\"", StringComparison.Ordinal);
            var end = profile.LastIndexOf(']');
            File.WriteAllText(Path.Combine(folder, "alingsas.json"), profile[..start] + "\"training\": [" + campaign + profile[end..]);

            var error = Assert.Throws<OrganisationProfileException>(() => OrganisationDirectory.Load(folder, ShippedProfiles.Sections));

            Assert.Contains($"field '{field}'", error.Message, StringComparison.Ordinal);
            Assert.Contains("alingsas.json", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Training_ProfileWithoutSection_IsEmpty()
    {
        var folder = Directory.CreateTempSubdirectory("trygg-training-").FullName;
        try
        {
            var profile = File.ReadAllText(Path.Combine(ShippedProfiles.Folder, "alingsas.json"));
            var start = profile.IndexOf("\"training\"", StringComparison.Ordinal);
            var end = profile.LastIndexOf(']');
            File.WriteAllText(Path.Combine(folder, "alingsas.json"), profile[..start].TrimEnd().TrimEnd(',') + profile[(end + 1)..]);

            Assert.Empty(OrganisationDirectory.Load(folder, ShippedProfiles.Sections).Find("alingsas")!.Training);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WithTraining_OrganisationBuiltInCode_HasThoseCampaigns()
    {
        var campaign = new TrainingCampaign("kurs", CampaignKind.Yearly, "Kurs", null, TrainingAudience.AllMembers, TimeSpan.Zero, TimeSpan.FromDays(14), 3);

        var organisation = TestOrganisations.Testkommun().WithTraining([campaign]);

        Assert.Empty(TestOrganisations.Testkommun().Training);
        Assert.Equal([campaign], organisation.Training);
    }
}
