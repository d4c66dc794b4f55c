using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Fakes;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Members.Profile;

/// <summary>Saving with <c>next</c> hands the same turn on to the next feature through the real router.</summary>
public sealed class ProfileContinuationTests
{
    private sealed class NextStep : ICardActionHandler, IConversationHandler
    {
        public List<Turn> Turns { get; } = [];

        public IReadOnlyCollection<string> Verbs => ["reporting.start"];

        public Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
        {
            Turns.Add(turn);
            replies.ShowMessage("rapportformuläret");
            return Task.CompletedTask;
        }

        public Task OnMessageAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task OnInstalledAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task RouteAsync_SaveWithNext_RunsNextVerbInTheSameTurnAfterSaving()
    {
        var store = new InMemoryMemberProfileStore();
        var next = new NextStep();
        var profile = new ProfileActions(
            store,
            ShippedProfiles.Load(),
            new FakeMemberIdentityLookup(),
            new CardRenderer(),
            new FakeTimeProvider(),
            NullLogger<ProfileActions>.Instance);
        var state = new InMemoryStateStore();
        var languages = new LanguagePolicy(state, new OrganisationDirectory([TestOrganisations.Testkommun()]), new InMemorySecurityChannels());
        var router = new TurnRouter([profile, next], next, state, new RecordingHandover(), languages, new CardRenderer(), NullLogger<TurnRouter>.Instance);
        var turn = new Turn(TurnKind.CardExecute, "t", "c", ConversationScope.Personal, new Participant("29:u", "aad", "Bo"), Language.Swedish, DateTimeOffset.UnixEpoch)
        {
            Action = new CardAction(ProfileVerbs.Save, new Dictionary<string, string?>
            {
                ["organisation"] = "goteborg",
                ["party"] = "Demokraterna",
                ["role"] = "sarskiltArvoderad",
                ["bodies"] = "kf,ks",
                ["next"] = "reporting.start",
            }),
        };
        var replies = new TurnReplies();

        await router.RouteAsync(turn, replies, default);

        Assert.Equal(1, store.Saves);
        Assert.Equal("reporting.start", Assert.Single(next.Turns).Action!.Verb);
        Assert.Equal(new ExecuteResult.Message("rapportformuläret"), replies.ExecuteResult);
    }
}
