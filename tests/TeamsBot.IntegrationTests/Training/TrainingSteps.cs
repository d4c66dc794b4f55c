using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Cases.Delivery;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Training;

/// <summary>
/// One bot instance's training and delivery services (as <see cref="TrainingSetup.AddTraining"/> and
/// <see cref="DeliverySetup.AddDelivery"/> register them) on <see cref="DeliverySteps.Builder"/>, with a fake clock, a
/// recording messenger and a fake directory, and the steps the training tests take on it; no background services: tests
/// run scheduler and dispatcher rounds by hand. Two hosts on the same table prefix are two instances.
/// </summary>
internal static class TrainingSteps
{
    public const string Tenant = DeliverySteps.Tenant;
    public const string MembersGroup = "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

    /// <summary>Testkommun with a mandate-period course, the yearly talk and the election-year reminder.</summary>
    public static Organisation Testkommun() => (TestOrganisations.Testkommun() with
    {
        Routing = TestOrganisations.Testkommun().Routing with { MembersGroupId = MembersGroup },
    }).WithTraining(
    [
        new TrainingCampaign("kurs", CampaignKind.MandatePeriod, "Säkerhetsutbildning för förtroendevalda", new Uri("https://example.se/kurs"),
            TrainingAudience.AllMembers, TimeSpan.FromDays(60), TimeSpan.FromDays(14), 4),
        new TrainingCampaign("samtal", CampaignKind.Yearly, "Årligt säkerhetssamtal", null,
            TrainingAudience.SarskiltArvoderade, TimeSpan.Zero, TimeSpan.FromDays(60), 3),
        new TrainingCampaign("valar", CampaignKind.ElectionYear, "Planera säkerheten i valrörelsen", null,
            TrainingAudience.AllMembers, TimeSpan.Zero, TimeSpan.Zero, 1),
    ]);

    public static IHost Start(
        AzuriteFixture azurite, string tablePrefix, FakeTimeProvider time, RecordingMessenger? messenger = null, FakeDirectory? directory = null, IDictionary<string, string?>? settings = null)
    {
        messenger ??= new RecordingMessenger();
        directory ??= new FakeDirectory();
        var organisation = Testkommun();
        var own = new Dictionary<string, string?>
        {
            ["Training:RunScheduler"] = "false",
            ["Training:SchedulerInterval"] = "01:00:00",
            ["Training:TenantId"] = Tenant,
        };
        var builder = DeliverySteps.Builder(azurite, tablePrefix, time, messenger, directory, organisation, own, settings);
        builder.AddMembers();
        builder.AddTraining();
        return builder.Build();
    }

    extension(IHost host)
    {
        public ReminderScheduler Scheduler => host.Get<ReminderScheduler>();

        public ITrainingRecords Records => host.Get<ITrainingRecords>();

        public IMemberProfileStore Profiles => host.Get<IMemberProfileStore>();

        public Task SaveProfileAsync(string userId, string name, MemberRole role, DateTimeOffset joined, string party = "Socialdemokraterna") =>
            host.Profiles.SaveAsync(new MemberKey(Tenant, userId), new MemberProfile(host.Organisation.Id, party, role, ["kf"], null, name, null, joined), default);

        /// <summary>A button on the reminder card, pressed by <paramref name="userId"/> in their personal chat.</summary>
        public async Task<TurnReplies> PressAsync(string verb, string userId, string campaign, string cycle)
        {
            var handler = ActivatorUtilities.CreateInstance<TrainingActions>(host.Services);
            var turn = new Turn(TurnKind.CardExecute, Tenant, "a:chat-" + userId, ConversationScope.Personal, new Participant("29:" + userId, userId, "Ledamot"), Language.Swedish, host.Time.GetUtcNow())
            {
                Action = new CardAction(verb, new Dictionary<string, string?> { ["campaign"] = campaign, ["cycle"] = cycle }),
            };
            var replies = new TurnReplies();
            await handler.HandleAsync(turn, replies, default);
            return replies;
        }
    }
}
