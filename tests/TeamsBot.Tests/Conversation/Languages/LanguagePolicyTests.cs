using Trygg.Conversation.Turns;
using Trygg.Fakes;
using Trygg.Organisations;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Conversation.Languages;

public sealed class LanguagePolicyTests
{
    private readonly InMemoryStateStore _state = new();

    private LanguagePolicy Policy(params Organisation[] organisations) =>
        new(_state, new OrganisationDirectory(organisations.Length == 0 ? [TestOrganisations.Testkommun()] : organisations), new InMemorySecurityChannels());

    private static Turn Message(string? text, Language locale = Language.English, ConversationScope scope = ConversationScope.Personal) =>
        new(TurnKind.Message, "t", "c", scope, new Participant("29:u", "aad", "Bo"), locale, DateTimeOffset.UnixEpoch) { Text = text };

    private static Turn Tap(Language locale = Language.English) =>
        new(TurnKind.CardExecute, "t", "c", ConversationScope.Personal, new Participant("29:u", "aad", "Bo"), locale, DateTimeOffset.UnixEpoch)
        {
            Action = new CardAction("x", new Dictionary<string, string?>()),
        };

    [Fact]
    public async Task DecideAsync_SwedishTextFromEnglishClient_IsSwedish()
    {
        var decision = await Policy().DecideAsync(Message("jag har blivit hotad"), default);

        Assert.Equal(Language.Swedish, decision.Turn.Language);
        Assert.False(decision.Switched);
    }

    [Fact]
    public async Task DecideAsync_EnglishTextFromSwedishClient_IsEnglish()
    {
        var decision = await Policy().DecideAsync(Message("I have been threatened", Language.Swedish), default);

        Assert.Equal(Language.English, decision.Turn.Language);
    }

    [Fact]
    public async Task DecideAsync_TooShortToTell_KeepsTheLastLanguageWritten()
    {
        var policy = Policy();
        await policy.DecideAsync(Message("jag har blivit hotad"), default);

        var shortMessage = await policy.DecideAsync(Message("ok"), default);
        var tap = await policy.DecideAsync(Tap(), default);

        Assert.Equal(Language.Swedish, shortMessage.Turn.Language);
        Assert.Equal(Language.Swedish, tap.Turn.Language);
    }

    [Fact]
    public async Task DecideAsync_NothingToTellFromYet_UsesTheClientLocale()
    {
        var decision = await Policy().DecideAsync(Message("🆘"), default);

        Assert.Equal(Language.English, decision.Turn.Language);
    }

    [Fact]
    public async Task DecideAsync_TypedSwitch_IsRememberedOverWhatIsWrittenLater()
    {
        var policy = Policy();
        var switched = await policy.DecideAsync(Message("in English", Language.Swedish), default);

        var later = await policy.DecideAsync(Message("jag har blivit hotad", Language.Swedish), default);

        Assert.True(switched.Switched);
        Assert.Equal(Language.English, switched.Turn.Language);
        Assert.Equal(Language.English, later.Turn.Language);
        Assert.False(later.Switched);
    }

    [Fact]
    public async Task DecideAsync_ChannelOfASwedishOrganisation_IsSwedishWhateverIsWritten()
    {
        var decision = await Policy().DecideAsync(Message("training status please", Language.English, ConversationScope.Channel), default);

        Assert.Equal(Language.Swedish, decision.Turn.Language);
    }

    [Fact]
    public async Task DecideAsync_ChannelOfAnEnglishOrganisation_IsEnglish()
    {
        var english = TestOrganisations.Testkommun() with { Language = Language.English };

        var decision = await Policy(english).DecideAsync(Message("utbildningsstatus", Language.Swedish, ConversationScope.Channel), default);

        Assert.Equal(Language.English, decision.Turn.Language);
    }
}
