using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Members.Directory;
using Trygg.Reporting;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Cases.Delivery;

/// <summary>
/// The delivery and case services as the bot registers them (<see cref="DeliverySetup.AddDelivery"/>) on a test Azurite,
/// with a fake clock, a recording messenger instead of Teams and a fake directory. No background dispatcher: tests run
/// rounds by hand. Two hosts on the same table prefix are two bot instances.
/// </summary>
internal sealed class DeliveryHost : IDisposable
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";
    public const string ChannelId = "19:security@thread.tacv2";

    private readonly IHost _host;

    private DeliveryHost(IHost host, Organisation organisation, FakeTimeProvider time, RecordingMessenger messenger, FakeDirectory directory)
    {
        _host = host;
        Organisation = organisation;
        Time = time;
        Messenger = messenger;
        Directory = directory;
    }

    public Organisation Organisation { get; }

    public FakeTimeProvider Time { get; }

    public RecordingMessenger Messenger { get; }

    public FakeDirectory Directory { get; }

    public OutboxDispatcher Dispatcher => Get<OutboxDispatcher>();

    public TableCaseStore Cases => Get<TableCaseStore>();

    public TableOutboxStore Outbox => Get<TableOutboxStore>();

    public CaseActions Actions => _host.Services.GetServices<ICardActionHandler>().OfType<CaseActions>().Single();

    public static DeliveryHost Start(
        AzuriteFixture azurite,
        string tablePrefix,
        FakeTimeProvider time,
        RecordingMessenger? messenger = null,
        FakeDirectory? directory = null,
        Organisation? organisation = null,
        IDictionary<string, string?>? settings = null)
    {
        messenger ??= new RecordingMessenger();
        directory ??= new FakeDirectory();
        organisation ??= TestOrganisations.Testkommun();
        var own = new Dictionary<string, string?>
        {
            ["Delivery:MaxAttempts"] = "5",
            ["Delivery:ChannelWait"] = "00:01:00",
        };
        var builder = Builder(azurite, tablePrefix, time, messenger, directory, organisation, own, settings);
        return new DeliveryHost(builder.Build(), organisation, time, messenger, directory);
    }

    /// <summary>
    /// A host builder with the bot's storage, cards, member profiles and delivery on a test Azurite: the one organisation, the fake
    /// clock, messenger and directory, no background dispatcher and delivery's delays on the fake clock's scale. Settings
    /// are layered: these, then <paramref name="hostSettings"/>, then the test's <paramref name="settings"/>.
    /// </summary>
    internal static HostApplicationBuilder Builder(
        AzuriteFixture azurite,
        string tablePrefix,
        FakeTimeProvider time,
        RecordingMessenger messenger,
        FakeDirectory directory,
        Organisation organisation,
        IDictionary<string, string?> hostSettings,
        IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Delivery:RunInBackground"] = "false",
            ["Delivery:RetryDelay"] = "00:00:10",
            ["Delivery:MaxRetryDelay"] = "00:10:00",
            ["Delivery:LeaseDuration"] = "00:02:00",
            ["Delivery:InstallWait"] = "00:00:30",
        };
        var builder = TryggServices.Builder(azurite, tablePrefix, new TryggBotOptions { Settings = all, Time = time }.With(hostSettings).With(settings));
        builder.AddCards();
        builder.Services.AddSingleton<IOrganisationDirectory>(new OrganisationDirectory([organisation]));
        builder.Services.AddSingleton<IMemberProfileStore, TableMemberProfileStore>();
        builder.Services.AddSingleton<IProactiveMessenger>(messenger);
        builder.Services.AddSingleton<IDirectory>(directory);
        builder.Services.AddSingleton<Trygg.Outbox.IAppInstaller, Trygg.Members.DirectoryAppInstaller>();
        builder.AddOutbox();
        builder.Services.AddConversationStores();
        builder.AddDelivery();
        return builder;
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public Task RegisterChannelAsync() =>
        Get<ISecurityChannelStore>().SaveAsync(new SecurityChannel(Tenant, Organisation.Id, "19:team@thread.tacv2", ChannelId, TestOrganisations.Alex, Time.GetUtcNow()), default);

    /// <summary>A report as the reporting flow submits it (through <see cref="ICaseIntake"/>): high priority, to the channel and Megan (and the on-call person when asked).</summary>
    public async Task<Incident> SubmitAsync(string? description = null, Priority priority = Priority.High, bool onCall = false, string? submissionId = null)
    {
        var now = Time.GetUtcNow();
        var details = new IncidentDetails(
            IncidentKind.Threat, now.AddMinutes(-30), IncidentPlace.Online, "Instagram", "ks", description ?? "Någon skrev att de vet var jag bor.",
            Perpetrator.AnonymousAccount, RelativesAffected: false, Injured: false, [Evidence.Screenshots], PoliceReport.NotYet, null, ContactWish.Teams);
        var result = await Get<ICaseIntake>().SubmitAsync(
            new CaseSubmission(
                Organisation,
                Tenant,
                now.Year,
                submissionId ?? Guid.NewGuid().ToString("N"),
                caseNumber => new Incident(caseNumber, Organisation.Id, Tenant, "reporter-aad", "Anna Andersson", now, IncidentStatus.Received, details),
                TestOrganisations.Decision(Organisation, now, priority, onCall),
                "a:member-chat",
                Language.Swedish),
            default);
        return result.Incident;
    }

    /// <summary>Rounds until one claims nothing (a round's own retries are due later, on the fake clock).</summary>
    public async Task<int> DrainAsync()
    {
        var total = 0;
        for (var i = 0; i < 20; i++)
        {
            var claimed = await Dispatcher.RunOnceAsync(default);
            total += claimed;
            if (claimed == 0)
            {
                return total;
            }
        }

        throw new InvalidOperationException("The outbox did not drain in 20 rounds.");
    }

    public async Task<IReadOnlyList<OutboxEntity>> RowsAsync(string caseNumber) =>
        await Outbox.ListForCaseAsync(Tenant, Organisation.Id, caseNumber, default);

    /// <summary>A case button pressed by <paramref name="aad"/> (null: someone Teams knows no Entra id for).</summary>
    public async Task<TurnReplies> PressAsync(string verb, string caseNumber, string? aad, string view = "summary", Dictionary<string, string?>? inputs = null, string name = "Någon")
    {
        var data = new Dictionary<string, string?>(inputs ?? [], StringComparer.Ordinal) { ["case"] = caseNumber, ["org"] = Organisation.Id, ["view"] = view };
        var turn = new Turn(TurnKind.CardExecute, Tenant, ChannelId + ";messageid=1", ConversationScope.Channel, new Participant("29:" + (aad ?? "x"), aad, name), Language.Swedish, Time.GetUtcNow())
        {
            Action = new CardAction(verb, data),
            TeamId = "19:team@thread.tacv2",
            ChannelId = ChannelId,
        };
        var replies = new TurnReplies();
        await Actions.HandleAsync(turn, replies, default);
        return replies;
    }

    public void Dispose() => _host.Dispose();
}
