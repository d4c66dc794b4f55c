using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Trygg.Conversation;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Cases.Delivery;

public sealed class ChannelRegistrationActionsTests
{
    private const string Tenant = "tenant-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemoryChannels _channels = new();
    private readonly FakeTimeProvider _time = new(Now);

    private ChannelRegistrationActions Actions(params Organisation[] organisations) =>
        new(new OrganisationDirectory(organisations.Length == 0 ? [TestOrganisations.Testkommun()] : organisations), _channels, _time, NullLogger<ChannelRegistrationActions>.Instance);

    private static Turn InChannel(string? aad, ConversationScope scope = ConversationScope.Channel) =>
        new(TurnKind.Message, Tenant, "19:sec@thread.tacv2;messageid=1", scope, new Participant("29:user", aad, "Någon"), Language.English, Now)
        {
            Text = "registrera säkerhetskanal",
            TeamId = scope == ConversationScope.Channel ? "19:team@thread.tacv2" : null,
            ChannelId = scope == ConversationScope.Channel ? "19:sec@thread.tacv2" : null,
            Action = new CardAction(FeatureVerbs.RegisterChannel, new Dictionary<string, string?>()),
        };

    private static string Said(TurnReplies replies) => Assert.IsType<Reply.Text>(Assert.Single(replies.Replies)).Value;

    [Fact]
    public async Task HandleAsync_AdministratorInAChannel_StoresItAndNamesTheOrganisation()
    {
        var replies = new TurnReplies();

        await Actions().HandleAsync(InChannel(TestOrganisations.Alex), replies, default);

        var stored = await _channels.GetAsync(Tenant, "testkommun", default);
        Assert.Equal(new SecurityChannel(Tenant, "testkommun", "19:team@thread.tacv2", "19:sec@thread.tacv2", TestOrganisations.Alex, Now), stored);
        Assert.Contains("Testkommun", Said(replies), StringComparison.Ordinal);
        Assert.StartsWith("Klart.", Said(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_AdministratorOfTwoOrganisations_RegistersBoth()
    {
        var replies = new TurnReplies();
        var other = TestOrganisations.Testkommun("annan") with { Name = "Annan kommun" };

        await Actions(TestOrganisations.Testkommun(), other).HandleAsync(InChannel(TestOrganisations.Alex.ToUpperInvariant()), replies, default);

        Assert.NotNull(await _channels.GetAsync(Tenant, "testkommun", default));
        Assert.NotNull(await _channels.GetAsync(Tenant, "annan", default));
        Assert.Contains("Annan kommun och Testkommun", Said(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestOrganisations.Lynne)]
    [InlineData(TestOrganisations.Outsider)]
    [InlineData(null)]
    public async Task HandleAsync_NotAnAdministrator_PoliteRefusalAndNothingStored(string? aad)
    {
        var replies = new TurnReplies();

        await Actions().HandleAsync(InChannel(aad), replies, default);

        Assert.Empty(_channels.All);
        Assert.Equal("Tyvärr, bara en administratör för Trygg kan välja säkerhetskanal. Inget har ändrats.", Said(replies));
    }

    [Theory]
    [InlineData(ConversationScope.Personal)]
    [InlineData(ConversationScope.GroupChat)]
    public async Task HandleAsync_OutsideAChannel_SaysWhereToWriteIt(ConversationScope scope)
    {
        var replies = new TurnReplies();

        await Actions().HandleAsync(InChannel(TestOrganisations.Alex, scope), replies, default);

        Assert.Empty(_channels.All);
        Assert.Contains("@Trygg register security channel", Said(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registrera säkerhetskanal")]
    [InlineData("Registrera sakerhetskanal")]
    [InlineData("register security channel")]
    public void Commands_RegistrationWords_MapToTheVerb(string text) =>
        Assert.Equal(FeatureVerbs.RegisterChannel, Commands.Match(text));

    private sealed class InMemoryChannels : ISecurityChannelStore
    {
        private readonly ConcurrentDictionary<(string, string), SecurityChannel> _channels = new();

        public IReadOnlyCollection<SecurityChannel> All => [.. _channels.Values];

        public Task SaveAsync(SecurityChannel channel, CancellationToken cancellationToken)
        {
            _channels[(channel.TenantId, channel.OrganisationId)] = channel;
            return Task.CompletedTask;
        }

        public Task<SecurityChannel?> GetAsync(string tenantId, string organisationId, CancellationToken cancellationToken) =>
            Task.FromResult(_channels.GetValueOrDefault((tenantId, organisationId)));
    }
}
