using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trygg.Conversation;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Cases.Delivery;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Security;

/// <summary>Who presses the button or writes the command, in <see cref="AuthorizationMatrixTests"/>.</summary>
public enum Actor
{
    /// <summary>The member who reported the case (Socialdemokraterna, Alingsås).</summary>
    Reporter,

    /// <summary>Another member of the same organisation (Moderaterna).</summary>
    OtherMember,

    /// <summary>Security staff of the case's organisation.</summary>
    Staff,

    /// <summary>Security staff of another organisation only.</summary>
    OtherStaff,

    /// <summary>The security officer of the reporter's party (the case was sent to them 1:1).</summary>
    PartyOfficer,

    /// <summary>The security officer of another party.</summary>
    OtherPartyOfficer,

    /// <summary>An administrator of the organisation who is not security staff.</summary>
    Administrator,
}

/// <summary>Where the turn comes from.</summary>
public enum Place
{
    Personal,
    GroupChat,

    /// <summary>The organisation's registered security channel.</summary>
    Channel,
}

/// <summary>
/// The real bot through /api/messages on Azurite with two organisations: "alingsas" (a copy of the shipped profile
/// whose roles are held by seven distinct people) and "beta" (whose only security staff is <see cref="Actor.OtherStaff"/>).
/// The security channel is registered, a member has reported a case (delivered to the channel and to the party's
/// security officer 1:1), and a second member is there to be named by staff commands.
/// </summary>
public sealed class AuthorizationWorld : IAsyncLifetime
{
    public const string Secret = "jag vet var du bor";
    public const string TargetName = "Tova Target";
    public const string OtherMemberName = "Olle Övrig";

    private static readonly Dictionary<Actor, (string Aad, string Name)> People = new()
    {
        [Actor.Staff] = ("00000000-0000-0000-0000-00000000a001", "Sara Säk"),
        [Actor.OtherStaff] = ("00000000-0000-0000-0000-00000000b001", "Bert Beta"),
        [Actor.PartyOfficer] = ("00000000-0000-0000-0000-00000000a002", "Petra Parti"),
        [Actor.OtherPartyOfficer] = ("00000000-0000-0000-0000-00000000a003", "Mats Moderat"),
        [Actor.Administrator] = ("00000000-0000-0000-0000-00000000a004", "Ada Admin"),
        [Actor.OtherMember] = ("00000000-0000-0000-0000-00000000a005", OtherMemberName),
    };

    private readonly AzuriteFixture _azurite = new();
    private readonly string _profiles = Path.Combine(Path.GetTempPath(), "trygg-matrix-" + Guid.NewGuid().ToString("N")[..8]);
    private TryggBot _bot = null!;

    public string CaseNumber { get; private set; } = "";

    public string TargetId { get; } = "00000000-0000-0000-0000-00000000a006";

    public IReadOnlyCollection<string> RouterVerbs => _bot.App.Get<TurnRouter>().Verbs;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        WriteProfiles();
        _bot = await DeliverySteps.StartAsync(_azurite, new Dictionary<string, string?> { ["Organisations:Path"] = _profiles });
        var registered = await _bot.RegisterChannelAsync(Aad(Actor.Administrator), "Ada Admin");
        Assert.StartsWith("Klart.", registered, StringComparison.Ordinal);

        var store = _bot.App.Get<IMemberProfileStore>();
        await store.SaveAsync(new MemberKey(Activities.TenantId, Aad(Actor.OtherMember)), Profile("Moderaterna", OtherMemberName), default);
        await store.SaveAsync(new MemberKey(Activities.TenantId, TargetId), Profile("Moderaterna", TargetName), default);
        CaseNumber = await _bot.ReportAsync();
        Assert.Matches(@"^TRY-\d{4}-\d{4}$", CaseNumber);
        await _bot.ChannelRowDeliveredAsync(CaseNumber);
        await WhenSentToPartyOfficerAsync();
    }

    public string Aad(Actor actor) => actor == Actor.Reporter ? _bot.Member.UserAadObjectId : People[actor].Aad;

    /// <summary>Sends <paramref name="activity"/> as <paramref name="actor"/> from <paramref name="place"/>; returns what the bot answered there, as text.</summary>
    public async Task<string> AnswerAsync(JsonObject activity, Actor actor, Place place)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var aad = Aad(actor);
        var name = actor == Actor.Reporter ? "Anna Andersson" : People[actor].Name;
        var turn = place switch
        {
            Place.Channel => DeliverySteps.InChannel(activity, aad, name),
            _ => activity,
        };
        if (place != Place.Channel)
        {
            turn["from"] = new JsonObject { ["id"] = "29:" + aad, ["name"] = name, ["aadObjectId"] = aad };
            turn["conversation"] = place == Place.Personal
                ? new JsonObject { ["id"] = "a:personal-" + aad, ["conversationType"] = "personal", ["tenantId"] = Activities.TenantId }
                : new JsonObject { ["id"] = "19:group-matrix@thread.v2", ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = Activities.TenantId };
        }

        var response = await _bot.App.PostActivityAsync(turn);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if ((string?)turn["type"] == "invoke")
        {
            var invoke = JsonNode.Parse(body)!;
            return invoke["value"] is JsonValue text ? text.GetValue<string>() : invoke.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        var id = (string)turn["id"]!;
        var reply = await _bot.Connector.WaitForMessageAsync(r => r.ActivityId == id);
        return reply.Body!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public Activities Activities => _bot.Member;

    private static MemberProfile Profile(string party, string name) =>
        new("alingsas", party, MemberRole.Fritidspolitiker, ["ks"], null, name, null, DateTimeOffset.UtcNow);

    private async Task WhenSentToPartyOfficerAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await _bot.App.Get<TableOutboxStore>().ListForCaseAsync(Activities.TenantId, "alingsas", CaseNumber, default))
            .Any(r => r.KindValue == OutboxKind.CaseToPerson && r.StateValue == OutboxState.Delivered && r.RecipientAadObjectId == Aad(Actor.PartyOfficer)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The case did not reach the party security officer within 60 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Two profiles built from the shipped Alingsås example: every role held by a different person, listed in the
    /// profile instead of the shipped groups (an organisation without Entra groups).
    /// </summary>
    private void WriteProfiles()
    {
        Directory.CreateDirectory(_profiles);
        var shipped = File.ReadAllText(RepoPaths.Combine("bot", "Organisations", "Profiles", "alingsas.json"));
        JsonObject Parse()
        {
            var profile = JsonNode.Parse(shipped, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
            profile.Remove("groups");
            return profile;
        }

        JsonObject Person(Actor actor) => new() { ["name"] = People[actor].Name, ["aadObjectId"] = People[actor].Aad };

        var alfa = Parse();
        alfa["securityStaff"] = new JsonArray(Person(Actor.Staff));
        alfa["administrators"] = new JsonArray(Person(Actor.Administrator));
        alfa["headOfSecurity"] = Person(Actor.Staff);
        alfa["onCall"]!["person"] = Person(Actor.Staff);
        alfa["partySecurity"] = new JsonArray(
            new JsonObject { ["party"] = "Socialdemokraterna", ["officers"] = new JsonArray(Person(Actor.PartyOfficer)) },
            new JsonObject { ["party"] = "Moderaterna", ["officers"] = new JsonArray(Person(Actor.OtherPartyOfficer)) });
        File.WriteAllText(Path.Combine(_profiles, "alingsas.json"), alfa.ToJsonString());

        var beta = Parse();
        beta["id"] = "beta";
        beta["name"] = "Betakommun";
        beta["casePrefix"] = "BET";
        beta["securityStaff"] = new JsonArray(Person(Actor.OtherStaff));
        beta["administrators"] = new JsonArray(new JsonObject { ["name"] = "Beta Admin", ["aadObjectId"] = "00000000-0000-0000-0000-00000000b002" });
        beta["headOfSecurity"] = Person(Actor.OtherStaff);
        beta["onCall"]!["person"] = Person(Actor.OtherStaff);
        beta["partySecurity"] = new JsonArray();
        File.WriteAllText(Path.Combine(_profiles, "beta.json"), beta.ToJsonString());
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _azurite.DisposeAsync();
        Directory.Delete(_profiles, recursive: true);
    }
}
