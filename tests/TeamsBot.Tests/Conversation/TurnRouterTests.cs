using Microsoft.Extensions.Logging.Abstractions;
using Trygg.Cards;
using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Fakes;
using Trygg.Organisations;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Conversation;

public sealed class TurnRouterTests
{
    private static Turn TurnOf(TurnKind kind, CardAction? action = null, Language language = Language.Swedish) =>
        new(kind, "t", "c", ConversationScope.Personal, new Participant("u", "aad-u", null), language, DateTimeOffset.UnixEpoch)
        {
            Action = action,
            Text = kind == TurnKind.Message ? "hej" : null,
        };

    private sealed class RecordingHandler(params string[] verbs) : ICardActionHandler, IConversationHandler
    {
        public List<string> Calls { get; } = [];

        public IReadOnlyCollection<string> Verbs => verbs;

        public Exception? Throw { get; set; }

        public Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken) => Record("action:" + turn.Action!.Verb, replies);

        public Task OnMessageAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken) => Record("message:" + turn.Language, replies);

        public Task OnInstalledAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken) => Record("installed", replies);

        private Task Record(string call, TurnReplies replies)
        {
            Calls.Add(call);
            replies.SendText("partial");
            return Throw is null ? Task.CompletedTask : Task.FromException(Throw);
        }
    }

    private static TurnRouter Router(RecordingHandler conversation, InMemoryStateStore? state = null, params ICardActionHandler[] actions) =>
        Router(conversation, new RecordingHandover(), state, actions);

    private static TurnRouter Router(RecordingHandler conversation, RecordingHandover handover, InMemoryStateStore? state = null, params ICardActionHandler[] actions)
    {
        state ??= new InMemoryStateStore();
        var languages = new LanguagePolicy(state, new OrganisationDirectory([TestOrganisations.Testkommun()]), new InMemorySecurityChannels());
        return new(actions, conversation, state, handover, languages, new CardRenderer(), NullLogger<TurnRouter>.Instance);
    }

    [Fact]
    public async Task RouteAsync_KnownVerb_GoesToItsHandler()
    {
        var conversation = new RecordingHandler();
        var feature = new RecordingHandler("a.one", "a.two");
        var router = Router(conversation, null, feature);

        await router.RouteAsync(TurnOf(TurnKind.CardExecute, new CardAction("a.two", new Dictionary<string, string?>())), new TurnReplies(), default);

        Assert.Equal(["action:a.two"], feature.Calls);
        Assert.Empty(conversation.Calls);
    }

    [Fact]
    public async Task RouteAsync_UnknownVerbOnExecute_FailsWithMessageInMembersLanguage()
    {
        var router = Router(new RecordingHandler());
        var replies = new TurnReplies();

        await router.RouteAsync(TurnOf(TurnKind.CardExecute, new CardAction("gone", new Dictionary<string, string?>()), Language.English), replies, default);

        var failure = Assert.IsType<ExecuteResult.Failure>(replies.ExecuteResult);
        Assert.Equal(400, failure.StatusCode);
        Assert.Contains("no longer works", failure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteAsync_UnknownVerbOnSubmit_AnswersWithText()
    {
        var router = Router(new RecordingHandler());
        var replies = new TurnReplies();

        await router.RouteAsync(TurnOf(TurnKind.CardSubmit, new CardAction("", new Dictionary<string, string?>())), replies, default);

        var text = Assert.IsType<Reply.Text>(Assert.Single(replies.Replies));
        Assert.Contains("fungerar inte längre", text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TwoHandlersClaimOneVerb_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            Router(new RecordingHandler(), null, new RecordingHandler("x.same"), new RecordingHandler("x.same")));
        Assert.Contains("x.same", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteAsync_MemberChoseEnglish_TurnArrivesInEnglish()
    {
        var state = new InMemoryStateStore();
        var turn = TurnOf(TurnKind.Message);
        await state.UpdateAsync<MemberState>(MemberState.KeyFor(turn), _ => new MemberState(Language.English), default);
        var conversation = new RecordingHandler();

        await Router(conversation, state).RouteAsync(turn, new TurnReplies(), default);

        Assert.Equal(["message:English"], conversation.Calls);
    }

    [Fact]
    public async Task RouteAsync_FeatureThrows_MemberIsAskedToTryAgainAndPartialRepliesAreDropped()
    {
        var conversation = new RecordingHandler { Throw = new InvalidOperationException("boom") };
        var replies = new TurnReplies();

        await Router(conversation).RouteAsync(TurnOf(TurnKind.Message), replies, default);

        var text = Assert.IsType<Reply.Text>(Assert.Single(replies.Replies));
        Assert.Contains("Försök igen", text.Value, StringComparison.Ordinal);
        Assert.Contains("112", text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteAsync_StorageDown_MemberIsAskedToTryAgain()
    {
        var replies = new TurnReplies();
        var turn = TurnOf(TurnKind.CardExecute, new CardAction("x", new Dictionary<string, string?>()));

        await Router(new RecordingHandler(), new InMemoryStateStore { Fail = true }).RouteAsync(turn, replies, default);

        var failure = Assert.IsType<ExecuteResult.Failure>(replies.ExecuteResult);
        Assert.Equal(503, failure.StatusCode);
    }

    [Theory]
    [InlineData(TurnKind.Message, null)]
    [InlineData(TurnKind.CardSubmit, "")]
    public async Task RouteAsync_NoEntraObjectId_NeutralLineAndNoFeatureOrStateRuns(TurnKind kind, string? aadObjectId)
    {
        var feature = new RecordingHandler("a.one");
        var conversation = new RecordingHandler();
        var state = new InMemoryStateStore { Fail = true };
        var replies = new TurnReplies();
        var turn = TurnOf(kind, new CardAction("a.one", new Dictionary<string, string?>())) with { User = new Participant("29:u", aadObjectId, "Alex") };

        await Router(conversation, state, feature).RouteAsync(turn, replies, default);

        Assert.Empty(feature.Calls);
        Assert.Empty(conversation.Calls);
        var text = Assert.IsType<Reply.Text>(Assert.Single(replies.Replies));
        Assert.Equal(CommonTexts.Swedish.Unidentified, text.Value);
    }

    [Fact]
    public async Task RouteAsync_NoEntraObjectIdOnExecute_FailsWithoutRunningTheVerb()
    {
        var feature = new RecordingHandler("a.one");
        var replies = new TurnReplies();
        var turn = TurnOf(TurnKind.CardExecute, new CardAction("a.one", new Dictionary<string, string?>()), Language.English) with { User = new Participant("29:u", null, null) };

        await Router(new RecordingHandler(), null, feature).RouteAsync(turn, replies, default);

        Assert.Empty(feature.Calls);
        var failure = Assert.IsType<ExecuteResult.Failure>(replies.ExecuteResult);
        Assert.Equal(CommonTexts.English.Unidentified, failure.Text);
    }

    [Fact]
    public async Task RouteAsync_InstalledWithoutEntraObjectId_StillWelcomes()
    {
        var conversation = new RecordingHandler();
        var turn = TurnOf(TurnKind.Installed) with { User = new Participant("29:u", null, null) };

        await Router(conversation).RouteAsync(turn, new TurnReplies(), default);

        Assert.Equal(["installed"], conversation.Calls);
    }

    [Theory]
    [InlineData("reporting.start", ConversationScope.GroupChat)]
    [InlineData("reporting.myreports", ConversationScope.Channel)]
    [InlineData("reporting.send", ConversationScope.GroupChat)]
    [InlineData("profile.show", ConversationScope.Channel)]
    [InlineData("privacy.mydata", ConversationScope.GroupChat)]
    public async Task RouteAsync_PrivateFlowOutsidePersonalChat_HandedOverWithOneShortLine(string verb, ConversationScope scope)
    {
        var feature = new RecordingHandler(verb);
        var handover = new RecordingHandover();
        var replies = new TurnReplies();
        var turn = TurnOf(TurnKind.CardSubmit, new CardAction(verb, new Dictionary<string, string?>())) with { Scope = scope };

        await Router(new RecordingHandler(), handover, null, feature).RouteAsync(turn, replies, default);

        Assert.Empty(feature.Calls);
        Assert.Equal([("aad-u", verb)], handover.HandedOver);
        var text = Assert.IsType<Reply.Text>(Assert.Single(replies.Replies));
        Assert.Equal(Handover.HandoverTexts.Swedish.InGroup, text.Value);
    }

    [Fact]
    public async Task RouteAsync_AcuteInGroupChat_AnswersWith112ThereAndHandsOver()
    {
        var handover = new RecordingHandover();
        var replies = new TurnReplies();
        var turn = TurnOf(TurnKind.CardSubmit, new CardAction(FeatureVerbs.Acute, new Dictionary<string, string?>())) with { Scope = ConversationScope.GroupChat };

        await Router(new RecordingHandler(), handover, null, new RecordingHandler(FeatureVerbs.Acute)).RouteAsync(turn, replies, default);

        Assert.Equal([("aad-u", FeatureVerbs.Acute)], handover.HandedOver);
        var text = Assert.IsType<Reply.Text>(Assert.Single(replies.Replies));
        Assert.Contains("112", text.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reporting.start", ConversationScope.Personal)]
    [InlineData("case.ack", ConversationScope.Channel)]
    [InlineData("guidance.ask", ConversationScope.GroupChat)]
    public async Task RouteAsync_PersonalChatOrSharedFlow_RunsTheVerbWithoutHandover(string verb, ConversationScope scope)
    {
        var feature = new RecordingHandler(verb);
        var handover = new RecordingHandover();
        var turn = TurnOf(TurnKind.CardSubmit, new CardAction(verb, new Dictionary<string, string?>())) with { Scope = scope };

        await Router(new RecordingHandler(), handover, null, feature).RouteAsync(turn, new TurnReplies(), default);

        Assert.Equal(["action:" + verb], feature.Calls);
        Assert.Empty(handover.HandedOver);
    }
}
