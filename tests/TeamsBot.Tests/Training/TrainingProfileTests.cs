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
        var error = Assert.Throws<OrganisationProfileException>(() => ShippedProfiles.LoadAlingsasEdited(profile =>
            profile[..profile.IndexOf("\"training\"", StringComparison.Ordinal)] + "\"training\": [" + campaign + profile[profile.LastIndexOf(']')..]));

        Assert.Contains($"field '{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("alingsas.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_ProfileWithoutSection_IsEmpty()
    {
        var directory = ShippedProfiles.LoadAlingsasEdited(profile =>
            profile[..profile.IndexOf("\"training\"", StringComparison.Ordinal)].TrimEnd().TrimEnd(',') + profile[(profile.LastIndexOf(']') + 1)..]);

        Assert.Empty(directory.Find("alingsas")!.Training);
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
