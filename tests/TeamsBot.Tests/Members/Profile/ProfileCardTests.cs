using System.Text.Json;
using System.Text.Json.Nodes;
using Trygg.Conversation.Turns;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Members.Profile;

/// <summary>The conformance test renders the samples; these keep the samples what the bot really sends.</summary>
public sealed class ProfileCardTests
{
    private static readonly OrganisationDirectory Shipped = ShippedProfiles.Load();

    /// <summary>The second step for Alingsås, sent back with two fields to fix.</summary>
    internal static ProfileCard SampleProfile() => ProfileCard.Build(
        ProfileTexts.Swedish,
        Shipped.All,
        Shipped.Find("alingsas"),
        new ProfileForm("alingsas", null, RoleCodes.Fritidspolitiker, ["ks", "social"], "070-123 45", "reporting.start"),
        new ProfileErrors(Party: ProfileTexts.Swedish.PartyMissing, Phone: ProfileTexts.Swedish.PhoneInvalid),
        new MemberIdentity("Anna Andersson", "anna.andersson@alingsas.se"));

    internal static ProfileSavedCard SampleSaved() => ProfileSavedCard.For(
        ProfileTexts.Swedish,
        new MemberProfile("alingsas", "Centerpartiet", MemberRole.Fritidspolitiker, ["ks", "social"], "+46701234567", "Anna Andersson", "anna.andersson@alingsas.se", DateTimeOffset.UnixEpoch),
        Shipped.Find("alingsas"));

    [Theory]
    [InlineData(Language.Swedish, "bara en gång")]
    [InlineData(Language.English, "only do this once")]
    public void Intro_ReadsRightWhenEditingToo(Language language, string once)
    {
        var intro = ProfileTexts.For(language).Intro;

        Assert.DoesNotContain(once, intro, StringComparison.Ordinal);
        Assert.Contains(language == Language.English ? "change it whenever you like" : "ändra det när du vill", intro, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileSample_IsWhatTheBotSendsWhenTwoFieldsNeedFixing() => AssertSample("Profile", SampleProfile());

    [Fact]
    public void ProfileSavedSample_IsWhatTheBotSendsAfterSaving() => AssertSample("ProfileSaved", SampleSaved());

    [Fact]
    public void Build_AnyLanguageAndStep_LeavesNoTextNull()
    {
        foreach (var language in new[] { Language.Swedish, Language.English })
        {
            foreach (var chosen in new[] { null, Shipped.Find("stockholm") })
            {
                var card = ProfileCard.Build(ProfileTexts.For(language), Shipped.All, chosen, ProfileForm.Empty, ProfileErrors.None, new MemberIdentity("", null));
                var json = JsonSerializer.Serialize(card, Cards.CardRenderer.DataOptions);

                Assert.DoesNotContain("null", json, StringComparison.Ordinal);
            }
        }
    }

    private static void AssertSample<T>(string name, T data)
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("bot", "Members", "Cards", "samples", name + ".sample.json")));
        var actual = JsonNode.Parse(JsonSerializer.Serialize(data, Cards.CardRenderer.DataOptions));

        Assert.True(JsonNode.DeepEquals(sample, actual), actual!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
