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
/// The delivery and case services as the bot registers them (<see cref="DeliverySetup.AddDelivery"/>) on
/// <see cref="TryggServices"/>, with a fake clock, a recording messenger instead of Teams and a fake directory, and the
/// steps the tests take on such a host. No background dispatcher: tests run rounds by hand. Two hosts on the same table
/// prefix are two bot instances.
/// </summary>
internal static partial class DeliverySteps
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";

    public static IHost Start(
        AzuriteFixture azurite,
        string tablePrefix,
        FakeTimeProvider time,
        RecordingMessenger? messenger = null,
        FakeDirectory? directory = null,
        Organisation? organisation = null,
        IDictionary<string, string?>? settings = null,
        LogCapture? logs = null)
    {
        messenger ??= new RecordingMessenger();
        directory ??= new FakeDirectory();
        organisation ??= TestOrganisations.Testkommun();
        var own = new Dictionary<string, string?>
        {
            ["Delivery:MaxAttempts"] = "5",
            ["Delivery:ChannelWait"] = "00:01:00",
        };
        return Builder(azurite, tablePrefix, time, messenger, directory, organisation, own, settings, logs).Build();
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
        IDictionary<string, string?>? settings,
        LogCapture? logs = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Delivery:RunInBackground"] = "false",
            ["Delivery:RetryDelay"] = "00:00:10",
            ["Delivery:MaxRetryDelay"] = "00:10:00",
            ["Delivery:LeaseDuration"] = "00:02:00",
            ["Delivery:InstallWait"] = "00:00:30",
        };
        var builder = TryggServices.Builder(azurite, tablePrefix, new TryggBotOptions { Settings = all, Time = time, Logs = logs }.With(hostSettings).With(settings));
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(messenger);
        builder.Services.AddSingleton(directory);
        builder.Services.AddSingleton(organisation);
        builder.AddCards();
        builder.Services.AddSingleton<IOrganisationDirectory>(new OrganisationDirectory([organisation]));
        builder.Services.AddSingleton<IMemberProfileStore, TableMemberProfileStore>();
        builder.Services.AddSingleton<IMemberProfiles, MemberProfiles>();
        builder.Services.AddSingleton<IProactiveMessenger>(messenger);
        builder.Services.AddSingleton<IDirectory>(directory);
        builder.Services.AddSingleton<Trygg.Outbox.IAppInstaller, Trygg.Members.DirectoryAppInstaller>();
        builder.AddOutbox();
        builder.Services.AddConversationStores();
        builder.AddDelivery();
        return builder;
    }

    extension(IHost host)
    {
        /// <summary>The organisation the host serves.</summary>
        public Organisation Organisation => host.Get<Organisation>();

        public FakeTimeProvider Time => host.Get<FakeTimeProvider>();

        public RecordingMessenger Messenger => host.Get<RecordingMessenger>();

        public FakeDirectory Directory => host.Get<FakeDirectory>();

        public OutboxDispatcher Dispatcher => host.Get<OutboxDispatcher>();

        public TableCaseStore Cases => host.Get<TableCaseStore>();

        public TableOutboxStore Outbox => host.Get<TableOutboxStore>();

        public CaseActions Actions => host.Services.GetServices<ICardActionHandler>().OfType<CaseActions>().Single();

        public T Get<T>()
            where T : notnull => host.Services.GetRequiredService<T>();

        public Task RegisterChannelAsync() =>
            host.Get<ISecurityChannelStore>().SaveAsync(new SecurityChannel(Tenant, host.Organisation.Id, "19:team@thread.tacv2", ChannelId, TestOrganisations.Alex, host.Time.GetUtcNow()), default);

        /// <summary>A report as the reporting flow submits it (through <see cref="ICaseIntake"/>): high priority, to the channel and Megan (and the on-call person when asked).</summary>
        public async Task<Incident> SubmitAsync(string? description = null, Priority priority = Priority.High, bool onCall = false, string? submissionId = null)
        {
            var now = host.Time.GetUtcNow();
            var details = new IncidentDetails(
                IncidentKind.Threat, now.AddMinutes(-30), IncidentPlace.Online, "Instagram", "ks", description ?? "Någon skrev att de vet var jag bor.",
                Perpetrator.AnonymousAccount, RelativesAffected: false, Injured: false, [Evidence.Screenshots], PoliceReport.NotYet, null, ContactWish.Teams);
            var result = await host.Get<ICaseIntake>().SubmitAsync(
                new CaseSubmission(
                    host.Organisation,
                    Tenant,
                    now.Year,
                    submissionId ?? Guid.NewGuid().ToString("N"),
                    caseNumber => new Incident(caseNumber, host.Organisation.Id, Tenant, "reporter-aad", "Anna Andersson", now, IncidentStatus.Received, details),
                    TestOrganisations.Decision(host.Organisation, now, priority, onCall),
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
                var claimed = await host.Dispatcher.RunOnceAsync(default);
                total += claimed;
                if (claimed == 0)
                {
                    return total;
                }
            }

            throw new InvalidOperationException("The outbox did not drain in 20 rounds.");
        }

        public async Task<IReadOnlyList<OutboxEntity>> RowsAsync(string caseNumber) =>
            await host.Outbox.ListForCaseAsync(Tenant, host.Organisation.Id, caseNumber, default);

        /// <summary>A case button pressed by <paramref name="aad"/> (null: someone Teams knows no Entra id for).</summary>
        public async Task<TurnReplies> PressAsync(string verb, string caseNumber, string? aad, string view = "summary", Dictionary<string, string?>? inputs = null, string name = "Någon")
        {
            var data = new Dictionary<string, string?>(inputs ?? [], StringComparer.Ordinal) { ["case"] = caseNumber, ["org"] = host.Organisation.Id, ["view"] = view };
            var turn = new Turn(TurnKind.CardExecute, Tenant, ChannelId + ";messageid=1", ConversationScope.Channel, new Participant("29:" + (aad ?? "x"), aad, name), Language.Swedish, host.Time.GetUtcNow())
            {
                Action = new CardAction(verb, data),
                TeamId = "19:team@thread.tacv2",
                ChannelId = ChannelId,
            };
            var replies = new TurnReplies();
            await host.Actions.HandleAsync(turn, replies, default);
            return replies;
        }
    }
}
