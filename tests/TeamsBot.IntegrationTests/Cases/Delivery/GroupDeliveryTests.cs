using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Trygg.Cards;
using Trygg.Cases.Rules;
using Trygg.Conversation;
using Trygg.Conversation.Proactive;
using Trygg.Members;
using Trygg.Members.Directory;
using Trygg.Organisations;
using Trygg.Organisations.Roles;
using Trygg.Outbox;
using Trygg.Testing;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Cases.Delivery;

/// <summary>
/// Roles named by Entra group, from the profile file through the real role snapshot, rules, intake, outbox and
/// dispatcher on Azurite: the shipped Alingsås profile (groups only) with a fake group reader and a recording messenger.
/// </summary>
public sealed class GroupDeliveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    private const string ChannelId = "19:security@thread.tacv2";
    private const string Rota = "6a1f0c2e-0000-4000-8000-000000000004";
    private const string Party = "6a1f0c2e-0000-4000-8000-000000000011";

    /// <summary>A Tuesday evening in November, out of Alingsås's office hours.</summary>
    private static readonly DateTimeOffset Evening = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);

    private static readonly StaffPerson Rota1 = new("Rota Ett", "5b0a6c2e-0000-4000-8000-000000000001");
    private static readonly StaffPerson Rota2 = new("Rota Två", "5b0a6c2e-0000-4000-8000-000000000002");
    private static readonly StaffPerson Rota3 = new("Rota Tre", "5b0a6c2e-0000-4000-8000-000000000003");

    private readonly FakeTimeProvider _time = new(Evening);
    private readonly RecordingMessenger _messenger = new();
    private readonly Groups _groups = new();
    private readonly string _profiles = Directory.CreateTempSubdirectory("trygg-group-delivery-").FullName;
    private IHost? _host;

    [Fact]
    public async Task Submit_OnCallRotaOutOfHours_EachOnTheRotaGetsTheCaseAndOneFailureHoldsNobodyBack()
    {
        _groups.Members[Rota] = [Rota1, Rota2, Rota3];
        var host = await StartAsync();
        await Roles(host).RefreshAsync(CancellationToken.None);
        _messenger.FailWhen = (kind, target) => kind == SentCard.User && target == Rota2.AadObjectId
            ? new ProactiveException(ProactiveFailure.Permanent, "403 MessageWritesBlocked")
            : null;

        var caseNumber = await SubmitAsync(host);
        await DrainAsync(host);

        Assert.Equal(
            [TestOrganisations.Megan, Rota1.AadObjectId, Rota3.AadObjectId],
            Sent(SentCard.User).Select(s => s.Target).Order(StringComparer.Ordinal));
        var rows = await Rows(host, caseNumber);
        Assert.Equal(OutboxState.Failed, rows.Single(r => r.RecipientAadObjectId == Rota2.AadObjectId && r.KindValue == OutboxKind.CaseToPerson).StateValue);
        Assert.All(
            rows.Where(r => r.KindValue == OutboxKind.CaseToPerson && r.RecipientAadObjectId != Rota2.AadObjectId),
            r => Assert.Equal(OutboxState.Delivered, r.StateValue));
        Assert.Contains(Sent(SentCard.Channel), s => s.Text.Contains("Rota Två", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_BeforeTheRoleGroupsWereRead_TheGroupsRowsWaitAndReachEveryoneOnceRead()
    {
        _groups.Members[Rota] = [Rota1, Rota2];
        _groups.Fail = true;
        var host = await StartAsync();
        await Roles(host).RefreshAsync(CancellationToken.None);

        var caseNumber = await SubmitAsync(host);
        await DrainAsync(host, rounds: 1);

        Assert.Empty(Sent(SentCard.User));
        Assert.Single(Sent(SentCard.Channel));
        var waiting = (await Rows(host, caseNumber)).Where(r => r.KindValue == OutboxKind.CaseToPerson).ToList();
        Assert.Equal([Rota, Party], waiting.Select(OutboxRows.GroupOf).Order(StringComparer.Ordinal));
        Assert.All(waiting, r => Assert.Equal(OutboxState.Pending, r.StateValue));

        _groups.Fail = false;
        await Roles(host).RefreshAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await DrainAsync(host);

        Assert.Equal(
            [TestOrganisations.Megan, Rota1.AadObjectId, Rota2.AadObjectId],
            Sent(SentCard.User).Select(s => s.Target).Order(StringComparer.Ordinal));
        _time.Advance(TimeSpan.FromMinutes(5));
        await DrainAsync(host);
        Assert.Equal(3, Sent(SentCard.User).Count);
    }

    public void Dispose()
    {
        _host?.Dispose();
        Directory.Delete(_profiles, recursive: true);
    }

    private List<SentCard> Sent(string kind) => [.. _messenger.Sent.Where(s => s.Kind == kind)];

    private static RoleSnapshot Roles(IHost host) => host.Services.GetRequiredService<RoleSnapshot>();

    private async Task<IHost> StartAsync()
    {
        // The shipped profile as it is, without the feature sections this host does not register.
        var profile = JsonNode.Parse(
            await File.ReadAllTextAsync(RepoPaths.Combine("bot", "Organisations", "Profiles", "alingsas.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        profile.Remove("retention");
        profile.Remove("training");
        await File.WriteAllTextAsync(Path.Combine(_profiles, "alingsas.json"), profile.ToJsonString());

        _groups.Members[Party] = [TestOrganisations.MeganBowen];
        var settings = new Dictionary<string, string?>
        {
            ["Organisations:Path"] = _profiles,
            ["Delivery:RunInBackground"] = "false",
            ["Delivery:RetryDelay"] = "00:00:10",
            ["Delivery:MaxRetryDelay"] = "00:01:00",
            ["Delivery:MaxAttempts"] = "5",
        };
        var builder = TryggServices.Builder(azurite, AzuriteFixture.NewTablePrefix(), new TryggBotOptions { Settings = settings, Time = _time });
        builder.Services.AddSingleton<IGroupMembers>(_groups);
        builder.AddOrganisations();
        builder.AddCards();
        builder.Services.AddSingleton<IMemberProfileStore, TableMemberProfileStore>();
        builder.Services.AddSingleton<IProactiveMessenger>(_messenger);
        builder.Services.AddSingleton<IDirectory>(new FakeDirectory());
        builder.Services.AddSingleton<IAppInstaller, DirectoryAppInstaller>();
        builder.AddOutbox();
        builder.Services.AddConversationStores();
        builder.AddDelivery();
        _host = builder.Build();
        await _host.Services.GetRequiredService<ISecurityChannelStore>().SaveAsync(
            new SecurityChannel(Tenant, "alingsas", "19:team@thread.tacv2", ChannelId, TestOrganisations.Alex, _time.GetUtcNow()), default);
        return _host;
    }

    /// <summary>A Socialdemokrat's report, routed by the real rules from the organisation as the snapshot serves it now.</summary>
    private async Task<string> SubmitAsync(IHost host)
    {
        var organisation = host.Services.GetRequiredService<IOrganisationDirectory>().Find("alingsas")!;
        var now = _time.GetUtcNow();
        var decision = host.Services.GetRequiredService<IRoutingRules>().Decide(
            new RoutingRequest(organisation, MemberRole.Fritidspolitiker, "Socialdemokraterna", null, AcuteOrViolent: false, InformParty: true, now));
        var details = new IncidentDetails(
            IncidentKind.Threat, now.AddMinutes(-30), IncidentPlace.Online, "Instagram", "ks", "Någon skrev att de vet var jag bor.",
            Perpetrator.AnonymousAccount, RelativesAffected: false, Injured: false, [Evidence.Screenshots], PoliceReport.NotYet, null, ContactWish.Teams);
        var result = await host.Services.GetRequiredService<ICaseIntake>().SubmitAsync(
            new CaseSubmission(
                organisation,
                Tenant,
                now.Year,
                Guid.NewGuid().ToString("N"),
                caseNumber => new Incident(caseNumber, organisation.Id, Tenant, "reporter-aad", "Anna Andersson", now, IncidentStatus.Received, details),
                decision,
                "a:member-chat",
                Language.Swedish),
            default);
        return result.Incident.CaseNumber;
    }

    /// <summary>Dispatcher rounds until none claims anything, moving the clock 20 s after each (past the retries) <paramref name="rounds"/> times.</summary>
    private async Task DrainAsync(IHost host, int rounds = 12)
    {
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < rounds; i++)
        {
            while (await dispatcher.RunOnceAsync(default) > 0)
            {
            }

            _time.Advance(TimeSpan.FromSeconds(20));
        }
    }

    private static async Task<IReadOnlyList<OutboxEntity>> Rows(IHost host, string caseNumber) =>
        await host.Services.GetRequiredService<TableOutboxStore>().ListForCaseAsync(Tenant, "alingsas", caseNumber, default);

    private sealed class Groups : IGroupMembers
    {
        public Dictionary<string, IReadOnlyList<StaffPerson>> Members { get; } = [];

        public bool Fail { get; set; }

        public Task<IReadOnlyList<StaffPerson>> ListUsersAsync(string groupId, CancellationToken cancellationToken) =>
            Fail ? throw new HttpRequestException("Graph is down") : Task.FromResult(Members.GetValueOrDefault(groupId, []));
    }
}
