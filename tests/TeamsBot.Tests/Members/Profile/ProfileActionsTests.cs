using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Fakes;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Members.Profile;

public sealed class ProfileActionsTests
{
    private const string Tenant = "tenant-1";
    private const string AadId = "aad-1";

    private static readonly OrganisationDirectory Shipped = ShippedProfiles.Load();
    private static readonly OrganisationDirectory OnlyAlingsas = new([Shipped.Find("alingsas")!]);
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly InMemoryMemberProfileStore _store = new();
    private readonly FakeMemberIdentityLookup _identities = new() { Identity = new MemberIdentity("Anna Andersson", "anna.andersson@alingsas.se") };
    private readonly TurnReplies _replies = new();

    private static Dictionary<string, string?> Filled(string? next = null) => new()
    {
        ["organisation"] = "alingsas",
        ["party"] = "Centerpartiet",
        ["role"] = "fritidspolitiker",
        ["bodies"] = "ks,social",
        ["phone"] = "070-123 45 67",
        ["next"] = next,
        ["step"] = "",
    };

    private static Turn Execute(
        string verb,
        Dictionary<string, string?>? data = null,
        Language language = Language.Swedish,
        TurnKind kind = TurnKind.CardExecute,
        ConversationScope scope = ConversationScope.Personal) =>
        new(kind, Tenant, "a:1personal", scope, new Participant("29:1teams", AadId, "Anna A"), language, Now)
        {
            Action = new CardAction(verb, data ?? []),
        };

    private ProfileActions Actions(IOrganisationDirectory? organisations = null) => new(
        _store, organisations ?? Shipped, _identities, new CardRenderer(), new FakeTimeProvider(Now), NullLogger<ProfileActions>.Instance);

    private static Dictionary<string, string?> Without(Dictionary<string, string?> data, string key)
    {
        data.Remove(key);
        return data;
    }

    [Fact]
    public async Task Save_MissingParty_ShowsErrorUnderPartyAndKeepsValues()
    {
        await Actions().HandleAsync(Execute(ProfileVerbs.Save, Without(Filled("reporting.start"), "party")), _replies, default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Equal(ProfileTexts.Swedish.PartyMissing, card.ErrorUnder("party"));
        Assert.Equal([ProfileTexts.Swedish.FixBelow, ProfileTexts.Swedish.PartyMissing], card.Errors);
        Assert.Equal("fritidspolitiker", card.Value("role"));
        Assert.Equal("ks,social", card.Value("bodies"));
        Assert.Equal("070-123 45 67", card.Value("phone"));
        var save = Assert.Single(card.Actions, a => (string?)a["verb"] == ProfileVerbs.Save);
        Assert.Equal("alingsas", (string?)save["data"]!["organisation"]);
        Assert.Equal("reporting.start", (string?)save["data"]!["next"]);
        Assert.Equal(0, _store.Saves);
        Assert.Null(_replies.Continuation);
    }

    [Fact]
    public async Task Save_MissingRole_ShowsErrorUnderRoleAndKeepsParty()
    {
        await Actions().HandleAsync(Execute(ProfileVerbs.Save, Without(Filled(), "role")), _replies, default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Equal(ProfileTexts.Swedish.RoleMissing, card.ErrorUnder("role"));
        Assert.Null(card.ErrorUnder("party"));
        Assert.Equal("Centerpartiet", card.Value("party"));
        Assert.Equal(0, _store.Saves);
    }

    [Fact]
    public async Task Save_MissingOrganisationAmongSeveral_AsksForMunicipalityWithError()
    {
        await Actions().HandleAsync(Execute(ProfileVerbs.Save, Without(Filled(), "organisation")), _replies, default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Equal(ProfileTexts.Swedish.OrganisationMissing, card.ErrorUnder("organisation"));
        Assert.Equal(["alingsas", "goteborg", "stockholm"], card.ChoiceValues("organisation"));
        Assert.Null(card.Input("party"));
        Assert.Equal(0, _store.Saves);
    }

    [Fact]
    public async Task Save_MissingOrganisationWithOnlyOne_ShowsErrorUnderMunicipalityAndKeepsValues()
    {
        await Actions(OnlyAlingsas).HandleAsync(Execute(ProfileVerbs.Save, Without(Filled(), "organisation")), _replies, default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Equal(ProfileTexts.Swedish.OrganisationMissing, card.ErrorUnder("organisation"));
        Assert.Equal("Centerpartiet", card.Value("party"));
        Assert.Equal("fritidspolitiker", card.Value("role"));
        Assert.Equal(0, _store.Saves);
    }

    [Fact]
    public async Task Save_InvalidPhone_ShowsErrorUnderPhoneAndKeepsWhatWasTyped()
    {
        var data = Filled();
        data["phone"] = "070-123 45";

        await Actions().HandleAsync(Execute(ProfileVerbs.Save, data), _replies, default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Equal(ProfileTexts.Swedish.PhoneInvalid, card.ErrorUnder("phone"));
        Assert.Equal("070-123 45", card.Value("phone"));
        Assert.Equal(0, _store.Saves);
    }

    [Fact]
    public async Task Save_BodyOfAnotherOrganisation_ShowsErrorUnderBodies()
    {
        var data = Filled();
        data["bodies"] = "ks,sdn-bromma";

        await Actions().HandleAsync(Execute(ProfileVerbs.Save, data), _replies, default);

        Assert.Equal(ProfileTexts.Swedish.BodiesUnknown, ProfileCardInspection.Replaced(_replies).ErrorUnder("bodies"));
        Assert.Equal(0, _store.Saves);
    }

    [Fact]
    public async Task Save_PartyOfAnotherOrganisation_ShowsErrorUnderParty()
    {
        var data = Filled();
        data["party"] = "Demokraterna";

        await Actions().HandleAsync(Execute(ProfileVerbs.Save, data), _replies, default);

        Assert.Equal(ProfileTexts.Swedish.PartyMissing, ProfileCardInspection.Replaced(_replies).ErrorUnder("party"));
    }

    [Fact]
    public async Task Save_ValidWithNext_SavesAndContinuesWithNext()
    {
        await Actions().HandleAsync(Execute(ProfileVerbs.Save, Filled("reporting.start")), _replies, default);

        var saved = Assert.Single(_store.Profiles);
        Assert.Equal(new MemberKey(Tenant, AadId), saved.Key);
        var profile = saved.Value;
        Assert.Equal("alingsas", profile.OrganisationId);
        Assert.Equal("Centerpartiet", profile.Party);
        Assert.Equal(MemberRole.Fritidspolitiker, profile.Role);
        Assert.Equal(["ks", "social"], profile.BodyIds);
        Assert.Equal("+46701234567", profile.Phone);
        Assert.Equal("Anna Andersson", profile.Name);
        Assert.Equal("anna.andersson@alingsas.se", profile.Email);
        Assert.Equal(Now, profile.UpdatedAt);
        Assert.Equal("reporting.start", _replies.Continuation?.Verb);
    }

    [Fact]
    public async Task Save_ValidWithoutNext_ReplacesCardWithConfirmation()
    {
        var data = Filled();
        data["phone"] = "";

        await Actions().HandleAsync(Execute(ProfileVerbs.Save, data), _replies, default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Contains("Din profil är sparad", card.Text, StringComparison.Ordinal);
        Assert.Contains("Alingsås kommun", card.Text, StringComparison.Ordinal);
        Assert.Contains("Kommunstyrelsen, Socialnämnden", card.Text, StringComparison.Ordinal);
        Assert.Null(card.Input("party"));
        Assert.Null(_replies.Continuation);
        Assert.Null(_store.Profiles.Single().Value.Phone);
    }

    [Theory]
    [InlineData(ProfileVerbs.Save)]
    [InlineData(ProfileVerbs.Show)]
    [InlineData("not a verb")]
    public async Task Save_NextIsNotAnotherFeaturesVerb_ConfirmsWithoutContinuing(string next)
    {
        await Actions().HandleAsync(Execute(ProfileVerbs.Save, Filled(next)), _replies, default);

        Assert.Equal(1, _store.Saves);
        Assert.Null(_replies.Continuation);
        Assert.Contains("Din profil är sparad", ProfileCardInspection.Replaced(_replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_TeamsCannotSayWho_UsesTheNameOnTheActivity()
    {
        _identities.Identity = null;

        await Actions().HandleAsync(Execute(ProfileVerbs.Save, Filled()), _replies, default);

        var profile = _store.Profiles.Single().Value;
        Assert.Equal("Anna A", profile.Name);
        Assert.Null(profile.Email);
    }

    [Fact]
    public async Task Show_SeveralOrganisationsNoProfile_AsksForMunicipalityFirst()
    {
        await Actions().HandleAsync(Execute(ProfileVerbs.Show, new() { ["next"] = "reporting.start" }), _replies, default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Equal(["alingsas", "goteborg", "stockholm"], card.ChoiceValues("organisation"));
        Assert.Null(card.Input("party"));
        Assert.Empty(card.Errors);
        var next = Assert.Single(card.Actions);
        Assert.Equal(ProfileVerbs.Show, (string?)next["verb"]);
        Assert.Equal(ProfileSteps.Organisation, (string?)next["data"]!["step"]);
        Assert.Equal("reporting.start", (string?)next["data"]!["next"]);
        Assert.Contains("Anna Andersson", card.Text, StringComparison.Ordinal);
        Assert.Contains("anna.andersson@alingsas.se", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_MunicipalityChosen_ShowsThatMunicipalitysPartiesAndBodies()
    {
        await Actions().HandleAsync(
            Execute(ProfileVerbs.Show, new() { ["step"] = ProfileSteps.Organisation, ["organisation"] = "goteborg", ["next"] = "reporting.start" }),
            _replies,
            default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Null(card.Input("organisation"));
        Assert.Contains("Demokraterna", card.ChoiceValues("party"));
        Assert.Contains("social-hisingen", card.ChoiceValues("bodies"));
        Assert.Equal([RoleCodes.SarskiltArvoderad, RoleCodes.Fritidspolitiker], card.ChoiceValues("role"));
        Assert.Equal("expanded", (string?)card.Input("role")!["style"]);
        Assert.True((bool)card.Input("bodies")!["isMultiSelect"]!);
        var save = Assert.Single(card.Actions, a => (string?)a["verb"] == ProfileVerbs.Save);
        Assert.Equal("goteborg", (string?)save["data"]!["organisation"]);
        Assert.Equal("reporting.start", (string?)save["data"]!["next"]);
        var change = Assert.Single(card.Actions, a => (string?)a["verb"] == ProfileVerbs.Show);
        Assert.Equal(ProfileSteps.ChangeOrganisation, (string?)change["data"]!["step"]);
        Assert.Contains("Göteborgs Stad", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_NextWithoutMunicipality_ShowsErrorUnderMunicipality()
    {
        await Actions().HandleAsync(Execute(ProfileVerbs.Show, new() { ["step"] = ProfileSteps.Organisation }), _replies, default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Equal(ProfileTexts.Swedish.OrganisationMissing, card.ErrorUnder("organisation"));
        Assert.Null(card.Input("party"));
    }

    [Fact]
    public async Task Show_ChangeMunicipality_AsksAgainWithCurrentPreselected()
    {
        await Actions().HandleAsync(
            Execute(ProfileVerbs.Show, new() { ["step"] = ProfileSteps.ChangeOrganisation, ["organisation"] = "stockholm" }), _replies, default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Equal("stockholm", card.Value("organisation"));
        Assert.Null(card.Input("party"));
    }

    [Fact]
    public async Task Show_SavedProfile_PrefillsItsValues()
    {
        _store.Profiles[new MemberKey(Tenant, AadId)] = new MemberProfile(
            "stockholm", "Liberalerna", MemberRole.SarskiltArvoderad, ["kf", "ks"], "+46701234567", "Anna Andersson", null, Now);

        await Actions().HandleAsync(Execute(ProfileVerbs.Show), _replies, default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Equal("Liberalerna", card.Value("party"));
        Assert.Equal(RoleCodes.SarskiltArvoderad, card.Value("role"));
        Assert.Equal("kf,ks", card.Value("bodies"));
        Assert.Equal("+46701234567", card.Value("phone"));
        Assert.Contains("Stockholms stad", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_OnlyOneMunicipality_PreselectsItInOneStep()
    {
        await Actions(OnlyAlingsas).HandleAsync(Execute(ProfileVerbs.Show), _replies, default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Equal(["alingsas"], card.ChoiceValues("organisation"));
        Assert.Equal("alingsas", card.Value("organisation"));
        Assert.Contains("Centerpartiet", card.ChoiceValues("party"));
        var save = Assert.Single(card.Actions);
        Assert.Equal(ProfileVerbs.Save, (string?)save["verb"]);
    }

    [Fact]
    public async Task Show_English_SpeaksEnglish()
    {
        await Actions(OnlyAlingsas).HandleAsync(Execute(ProfileVerbs.Show, language: Language.English), _replies, default);

        var card = ProfileCardInspection.Replaced(_replies);
        Assert.Contains(ProfileTexts.English.Title, card.Text, StringComparison.Ordinal);
        Assert.Equal(ProfileTexts.English.PartyLabel, (string?)card.Input("party")!["label"]);
        Assert.DoesNotContain(ProfileTexts.Swedish.Intro, card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_FromAMessage_SendsTheCardAsANewMessage()
    {
        await Actions().HandleAsync(Execute(ProfileVerbs.Show, kind: TurnKind.Message), _replies, default);

        Assert.Null(_replies.ExecuteResult);
        Assert.IsType<Reply.Card>(Assert.Single(_replies.Replies));
    }

    [Theory]
    [InlineData(ConversationScope.GroupChat, ProfileVerbs.Show)]
    [InlineData(ConversationScope.Channel, ProfileVerbs.Save)]
    public async Task Handle_OutsideThePersonalChat_ShowsNothingAndPointsToIt(ConversationScope scope, string verb)
    {
        await Actions().HandleAsync(Execute(verb, Filled(), scope: scope), _replies, default);

        Assert.Equal(new ExecuteResult.Message(ProfileTexts.Swedish.PersonalChatOnly), _replies.ExecuteResult);
        Assert.Equal(0, _store.Saves);
    }
}
