using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Organisations.Roles;
using Trygg.Outbox;
using Trygg.Testing;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Cases.Messages;

/// <summary>
/// The real bot (<see cref="TryggBot"/>, the shipped Alingsås profile) with a registered security channel, a member who
/// has written to the bot (in <see cref="MemberLocale"/>'s language) and a case they reported, submitted through the
/// intake as the report flow does. Alex and Lynne are security staff (Lynne also on call and head of security), Megan the
/// party's security officer (not staff). <see cref="Staff"/> can take someone out of the security staff while the bot runs.
/// </summary>
internal sealed class MessagesWorld : IAsyncDisposable
{
    public const string Org = "alingsas";
    public const string ChannelId = "19:security@thread.tacv2";

    private readonly TryggBot _bot;

    private MessagesWorld(TryggBot bot, string locale)
    {
        _bot = bot;
        Member = new Activities(bot.Connector.ServiceUrl) { Locale = locale };
        Alex = new Activities(bot.Connector.ServiceUrl) { UserAadObjectId = TestOrganisations.Alex };
        Lynne = new Activities(bot.Connector.ServiceUrl) { UserAadObjectId = TestOrganisations.Lynne };
    }

    public TryggApp App => _bot.App;

    public FakeConnector Connector => _bot.Connector;

    public Activities Member { get; }

    public Activities Alex { get; }

    public Activities Lynne { get; }

    /// <summary>The profiles as the bot reads them, with the changes a test makes to their staff.</summary>
    public EditedOrganisations Staff => (EditedOrganisations)App.Get<IOrganisationDirectory>();

    public string Case { get; private set; } = "";

    public static async Task<MessagesWorld> StartAsync(AzuriteFixture azurite, string memberText = "Hej, vad gör jag om någon hotar mig på nätet?", string locale = "sv-SE")
    {
        var bot = await TryggBot.StartAsync(azurite, new TryggBotOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Delivery:PollInterval"] = "00:00:00.100",
                ["Delivery:RetryDelay"] = "00:00:00.200",
                ["Delivery:MaxRetryDelay"] = "00:00:01",
                ["Connector:MaxRetries"] = "0",
            },
            Services = services => services.AddSingleton<IOrganisationDirectory>(sp => new EditedOrganisations(sp.GetRequiredService<RoleSnapshot>())),
        });
        var world = new MessagesWorld(bot, locale);
        await world.StartCaseAsync(memberText);
        return world;
    }

    private async Task StartCaseAsync(string memberText)
    {
        // The channel, registered the way an administrator does it: "@Trygg registrera säkerhetskanal".
        var register = Activities.InChannel(Alex.Message("<at>Trygg</at> registrera säkerhetskanal"), ChannelId, TestOrganisations.Alex, "Alex Wilber");
        register["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "Trygg" },
            ["text"] = "<at>Trygg</at>",
        });
        Assert.Equal(HttpStatusCode.OK, (await App.PostActivityAsync(register)).StatusCode);
        await Connector.WaitForMessageAsync(r => r.ActivityId == register["id"]!.GetValue<string>(), TimeSpan.FromSeconds(60));

        // The member has talked to the bot: their chat and language are known.
        var hello = Member.Message(memberText);
        Assert.Equal(HttpStatusCode.OK, (await App.PostActivityAsync(hello)).StatusCode);
        await Connector.WaitForMessageAsync(r => r.ConversationId == Member.ConversationId, TimeSpan.FromSeconds(60));

        // Reporting needs a profile; a member's own case is looked for in its organisation.
        await SaveProfileAsync(Member);
        Case = await SubmitCaseAsync(Org);
    }

    /// <summary>A member profile in Alingsås for <paramref name="who"/>, as the profile card saves it.</summary>
    public Task SaveProfileAsync(Activities who) =>
        App.Get<IMemberProfileStore>().SaveAsync(
            new MemberKey(Activities.TenantId, who.UserAadObjectId),
            new MemberProfile(Org, "Socialdemokraterna", MemberRole.Fritidspolitiker, ["ks"], null, "Anna Andersson", null, DateTimeOffset.UtcNow),
            default);

    /// <summary>A case reported by the member in <paramref name="org"/>, submitted through the intake as the report flow does.</summary>
    public async Task<string> SubmitCaseAsync(string org)
    {
        var organisation = App.Get<IOrganisationDirectory>().Find(org)!;
        var now = DateTimeOffset.UtcNow;
        var details = new IncidentDetails(
            IncidentKind.Threat, now.AddMinutes(-30), IncidentPlace.Online, "Instagram", "ks", "Någon skrev att de vet var jag bor.",
            Perpetrator.AnonymousAccount, RelativesAffected: false, Injured: false, [Evidence.Screenshots], PoliceReport.NotYet, null, ContactWish.Teams);
        var result = await App.Get<ICaseIntake>().SubmitAsync(
            new CaseSubmission(
                organisation,
                Activities.TenantId,
                now.Year,
                Guid.NewGuid().ToString("N"),
                number => new Incident(number, org, Activities.TenantId, Member.UserAadObjectId, "Anna Andersson", now, IncidentStatus.Received, details),
                TestOrganisations.Decision(organisation, now),
                Member.ConversationId,
                Language.Swedish),
            default);
        return result.Incident.CaseNumber;
    }

    /// <summary>A button of the case or message cards pressed by <paramref name="who"/> in their personal chat; the strings of the invoke response (card or message).</summary>
    public async Task<string> PressAsync(Activities who, string verb, JsonObject data)
    {
        data["case"] ??= Case;
        data["org"] ??= Org;
        var response = await App.PostActivityAsync(who.Execute(verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CardText.Of(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Alex writes to the member from the case details.</summary>
    public Task<string> WriteAsync(string text, string? id = null, Activities? who = null) =>
        PressAsync(who ?? Alex, CaseVerbs.Write, new JsonObject { ["view"] = "person", ["message"] = text, ["msg"] = id ?? NewId() });

    /// <summary>The member answers with the message card's "Svara".</summary>
    public Task<string> ReplyAsync(string text, string? id = null, Activities? who = null) =>
        PressAsync(who ?? Member, MessageVerbs.Reply, new JsonObject { ["reply"] = text, ["msg"] = id ?? NewId() });

    public Task<IReadOnlyList<CaseMessage>> MessagesAsync() =>
        App.Get<CaseMessageStore>().ListAsync(Activities.TenantId, Org, Case, default);

    /// <summary>Everything the bot sent into <paramref name="conversationId"/> on its own or as replies, in order: each one's strings.</summary>
    public IReadOnlyList<string> SentTo(string conversationId) =>
        [.. Connector.Requests
            .Where(r => r.Succeeded && r.ConversationId == conversationId
                && r.Operation is FakeConnectorOperation.SendToConversation or FakeConnectorOperation.ReplyToActivity)
            .Select(r => CardText.Of(r.Body))];

    /// <summary>Waits (real time, 60 s) for a message into <paramref name="conversationId"/> holding <paramref name="text"/>.</summary>
    public async Task<string> WaitForAsync(string conversationId, string text) =>
        (await Connector.WaitForMessageAsync(
            r => r.ConversationId == conversationId && CardText.Of(r.Body).Contains(text, StringComparison.Ordinal),
            TimeSpan.FromSeconds(60))).Body is var body ? CardText.Of(body) : "";

    /// <summary>
    /// The case's outbox rows of <paramref name="kind"/> once one is recorded as delivered (60 s): the member's chat waits
    /// for an answer from just before that, so a test that types next must not start before it.
    /// </summary>
    public async Task<OutboxEntity> DeliveredAsync(OutboxKind kind)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var rows = await App.Get<TableOutboxStore>().ListForCaseAsync(OutboxKind.CaseToChannel, CaseKeys.Partition(Activities.TenantId, Org), Case, default);
            if (rows.FirstOrDefault(r => r.KindValue == kind && r.StateValue == OutboxState.Delivered) is { } row)
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No {kind} row of {Case} recorded as delivered within 60 s.");
            await Task.Delay(100);
        }
    }

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Teams refuses every message to <paramref name="who"/>'s 1:1 chat, for good (400, not retried).</summary>
    public FakeConnectorScript Unreachable(Activities who) =>
        Connector.FailWhen(
            r => r.ConversationId == who.ConversationId || r.IsOpenPersonalChatWith(who.UserId) || r.IsOpenPersonalChatWith(who.UserAadObjectId),
            FakeConnectorFault.Status(400, "BadArgument", "Refused for this test."));

    public ValueTask DisposeAsync() => _bot.DisposeAsync();
}

/// <summary>The bot's organisations (<see cref="RoleSnapshot"/>) with people a test has taken out of the security staff.</summary>
internal sealed class EditedOrganisations(IOrganisationDirectory inner) : IOrganisationDirectory
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _left = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Organisation> All => [.. inner.All.Select(Edit)];

    public Organisation? Find(string id) => inner.Find(id) is { } organisation ? Edit(organisation) : null;

    public bool RolesRead(string organisationId) => inner.RolesRead(organisationId);

    /// <summary><paramref name="aadObjectId"/> has left the security staff group.</summary>
    public void Leave(string aadObjectId) => _left[aadObjectId] = true;

    private Organisation Edit(Organisation organisation) => _left.IsEmpty
        ? organisation
        : organisation with { Routing = organisation.Routing with { SecurityStaff = [.. organisation.Routing.SecurityStaff.Where(p => !_left.ContainsKey(p.AadObjectId))] } };
}
