using Moq;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Conversation.References;
using Trygg.Texts;

namespace Trygg.Conversation.Languages;

public sealed class MemberLanguageTests
{
    private const string Tenant = "tenant";
    private const string Member = "member-aad";
    private const string Chat = "a:member-chat";

    private static MemberLanguage With(ConversationReference? chat, MemberState? state)
    {
        var references = new Mock<IConversationReferenceStore>();
        references.Setup(r => r.GetPersonalAsync(Tenant, Member, It.IsAny<CancellationToken>())).ReturnsAsync(chat);
        var states = new Mock<IConversationStateStore>();
        states.Setup(s => s.GetAsync<MemberState>(new StateKey(Tenant, Chat, Member, MemberState.Slot), It.IsAny<CancellationToken>())).ReturnsAsync(state);
        return new MemberLanguage(references.Object, states.Object);
    }

    private static ConversationReference PersonalChat() =>
        new(Tenant, Chat, "personal", "https://smba.example/", "msteams", "28:bot", "Trygg", "29:member", Member, "Anna", null, null, "en-US", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task ForAsync_NeverChatted_IsTheFallback() =>
        Assert.Equal(Language.English, await With(null, null).ForAsync(Tenant, Member, Language.English, default));

    [Fact]
    public async Task ForAsync_ChatButNothingRemembered_IsTheFallbackNotTheClientLocale() =>
        Assert.Equal(Language.Swedish, await With(PersonalChat(), null).ForAsync(Tenant, Member, Language.Swedish, default));

    [Fact]
    public async Task ForAsync_LastWrittenLanguage_WinsOverTheFallback() =>
        Assert.Equal(Language.English, await With(PersonalChat(), new MemberState(LastLanguage: Language.English)).ForAsync(Tenant, Member, Language.Swedish, default));

    [Fact]
    public async Task ForAsync_ChosenLanguage_WinsOverTheLastWritten() =>
        Assert.Equal(
            Language.Swedish,
            await With(PersonalChat(), new MemberState(ChosenLanguage: Language.Swedish, LastLanguage: Language.English)).ForAsync(Tenant, Member, Language.English, default));
}
