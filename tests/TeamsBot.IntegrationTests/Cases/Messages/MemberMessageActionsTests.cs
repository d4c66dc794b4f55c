using System.Net;
using System.Text.Json.Nodes;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Reporting;
using Trygg.Testing;
using Trygg.Testing.Cases;

namespace Trygg.Cases.Messages;

/// <summary>The member's side of a case's messages through the real bot: answering, typing while the unit waits, danger first, the thread.</summary>
public sealed class MemberMessageActionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Question = "Vet du ungefär när meddelandet kom?";

    private static async Task<MessagesWorld> WrittenToAsync(AzuriteFixture azurite)
    {
        var world = await MessagesWorld.StartAsync(azurite);
        await world.WriteAsync(Question);
        await world.WaitForAsync(world.Member.ConversationId, Question);
        await world.DeliveredAsync(OutboxKind.CaseMessageToMember);
        return world;
    }

    [Fact]
    public async Task Reply_Reporter_StoredChannelCardSaysOnlyNewMessage_WriterGetsItInTheirChat()
    {
        await using var world = await WrittenToAsync(azurite);
        await world.DeliveredAsync(OutboxKind.CaseToChannel);

        var card = await world.ReplyAsync("Runt klockan åtta på kvällen.");

        Assert.Contains("Ditt svar är skickat", card, StringComparison.Ordinal);
        var messages = await world.MessagesAsync();
        Assert.Equal([MessageDirection.ToMember, MessageDirection.FromMember], messages.Select(m => m.Direction));
        Assert.Equal("Runt klockan åtta på kvällen.", messages[^1].Text);

        // Alex wrote the question, so Alex hears the answer 1:1; the channel card only says that there is one.
        var toAlex = await world.WaitForAsync(world.Alex.ConversationId, "Runt klockan åtta på kvällen.");
        Assert.Contains("Svar från anmälaren i ärende " + world.Case, toAlex, StringComparison.Ordinal);
        await Eventually(() => world.Connector.Updates.Any(u => CardText(u).Contains("Nytt svar från anmälaren", StringComparison.Ordinal)), "the channel card's new-message line");
        Assert.DoesNotContain(world.Connector.Updates, u => CardText(u).Contains("klockan åtta", StringComparison.Ordinal));
        Assert.DoesNotContain(world.Connector.Updates, u => CardText(u).Contains(Question, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_AnotherMemberOfTheSameOrganisation_NotYours_NothingStored()
    {
        await using var world = await WrittenToAsync(azurite);
        var other = new Activities(world.Connector.ServiceUrl);
        await world.SaveProfileAsync(other);

        var answer = await world.ReplyAsync("Jag låtsas vara anmälaren.", who: other);
        var thread = await world.PressAsync(other, MessageVerbs.Thread, []);

        Assert.Contains("Det finns inget ärende här som du kan läsa eller svara på.", answer, StringComparison.Ordinal);
        Assert.Contains("Det finns inget ärende här som du kan läsa eller svara på.", thread, StringComparison.Ordinal);
        Assert.DoesNotContain(Question, thread, StringComparison.Ordinal);
        Assert.Single(await world.MessagesAsync());
    }

    [Fact]
    public async Task Reply_DoubleClick_OneAnswerStored()
    {
        await using var world = await WrittenToAsync(azurite);
        var id = MessagesWorld.NewId();

        await Task.WhenAll(world.ReplyAsync("Vid åtta.", id), world.ReplyAsync("Vid åtta.", id));

        Assert.Single(await world.MessagesAsync(), m => m.Direction == MessageDirection.FromMember);
    }

    [Fact]
    public async Task Typed_WhileTheUnitWaits_AskedWhetherItIsTheAnswer_NotTakenForAQuestion()
    {
        await using var world = await WrittenToAsync(azurite);
        var before = world.SentTo(world.Member.ConversationId).Count;

        await world.App.PostActivityAsync(world.Member.Message("Jag tror det var runt åtta"));

        var ask = await world.WaitForAsync(world.Member.ConversationId, "Är det här ett svar till Säkerhetsenheten?");
        Assert.Contains("Jag tror det var runt åtta", ask, StringComparison.Ordinal);
        Assert.Contains("messages.reply", ask, StringComparison.Ordinal);
        Assert.Contains("conversation.astyped", ask, StringComparison.Ordinal);
        Assert.Equal(before + 1, world.SentTo(world.Member.ConversationId).Count);
        Assert.Single(await world.MessagesAsync());
    }

    [Fact]
    public async Task Typed_AcuteWhileTheUnitWaits_112First_ThenTheQuestion()
    {
        await using var world = await WrittenToAsync(azurite);
        var before = world.SentTo(world.Member.ConversationId).Count;

        await world.App.PostActivityAsync(world.Member.Message("Han står utanför min dörr nu och hotar att döda mig"));

        await Eventually(() => world.SentTo(world.Member.ConversationId).Count >= before + 2, "two answers to the acute message");
        var sent = world.SentTo(world.Member.ConversationId).Skip(before).ToList();
        Assert.True(sent.Count == 2, string.Join("\n----\n", sent));
        Assert.Contains("tel:112", sent[0], StringComparison.Ordinal);
        Assert.Contains("Är det här ett svar", sent[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_AcuteWhileWaitingForACaseThatIsGone_112AndNoQuestion()
    {
        await using var world = await WrittenToAsync(azurite);
        await world.App.Get<Trygg.Privacy.TableCaseAnonymiser>().AnonymiseAsync(
            CaseKeys.Partition(Activities.TenantId, MessagesWorld.Org), world.Case, CancellationToken.None);
        var before = world.SentTo(world.Member.ConversationId).Count;

        await world.App.PostActivityAsync(world.Member.Message("Han står utanför min dörr nu och hotar att döda mig"));

        await Eventually(() => world.SentTo(world.Member.ConversationId).Count >= before + 1, "an answer to the acute message");
        var sent = world.SentTo(world.Member.ConversationId).Skip(before).ToList();
        Assert.Contains("tel:112", sent[0], StringComparison.Ordinal);
        Assert.DoesNotContain(sent, s => s.Contains("Är det här ett svar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_Acute_112First_AndTheAnswerIsKept()
    {
        await using var world = await WrittenToAsync(azurite);

        var response = await world.App.PostActivityAsync(world.Member.Execute(MessageVerbs.Reply, new JsonObject
        {
            ["case"] = world.Case, ["org"] = MessagesWorld.Org, ["msg"] = MessagesWorld.NewId(), ["reply"] = "Han står utanför min dörr nu och hotar att döda mig",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tel:112", Testing.Cases.CardText.Of(JsonNode.Parse(await response.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        Assert.Equal(MessageDirection.FromMember, (await world.MessagesAsync())[^1].Direction);
        await world.WaitForAsync(world.Member.ConversationId, "Ditt svar är skickat");
    }

    [Fact]
    public async Task Thread_Reporter_SeesEveryMessage_FromMyReports()
    {
        await using var world = await WrittenToAsync(azurite);
        await world.ReplyAsync("Runt åtta.");

        var thread = await world.PressAsync(world.Member, MessageVerbs.Thread, []);

        Assert.Contains("Meddelanden om rapport " + world.Case, thread, StringComparison.Ordinal);
        Assert.True(thread.IndexOf(Question, StringComparison.Ordinal) < thread.IndexOf("Runt åtta.", StringComparison.Ordinal));
        Assert.DoesNotContain("Alex", thread, StringComparison.Ordinal);
    }

    /// <summary>
    /// A member who moved to another municipality keeps their old reports: "mina rapporter" lists the Alingsås case with
    /// its organisation, and "Svara" on it reaches Alingsås' staff. Another member naming the same case is still refused.
    /// </summary>
    [Fact]
    public async Task MovedMember_OldCaseIsListed_AndAnswerable()
    {
        await using var world = await WrittenToAsync(azurite);
        await world.App.Get<IMemberProfileStore>().SaveAsync(
            new MemberKey(Activities.TenantId, world.Member.UserAadObjectId),
            new MemberProfile("goteborg", "Socialdemokraterna", MemberRole.Fritidspolitiker, [], null, "Anna Andersson", null, DateTimeOffset.UtcNow),
            default);

        var list = await world.PressAsync(world.Member, ReportingVerbs.MyReports, []);
        Assert.Contains(world.Case, list, StringComparison.Ordinal); // an Alingsås case, listed for a member of Göteborg

        var card = await world.ReplyAsync("Jag har flyttat men det händer fortfarande.");
        Assert.Contains("Ditt svar är skickat", card, StringComparison.Ordinal);
        await world.WaitForAsync(world.Alex.ConversationId, "Jag har flyttat men det händer fortfarande.");

        var stranger = new Activities(world.Connector.ServiceUrl) { UserAadObjectId = Guid.NewGuid().ToString() };
        await world.SaveProfileAsync(stranger);
        var refused = await world.PressAsync(stranger, MessageVerbs.Reply, new JsonObject { ["msg"] = MessagesWorld.NewId(), ["reply"] = "Hej" });
        Assert.DoesNotContain("Ditt svar är skickat", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_WriterUnreachable_TheAssigneeGetsIt()
    {
        await using var world = await WrittenToAsync(azurite);
        await world.PressAsync(world.Lynne, CaseVerbs.Take, new JsonObject { ["view"] = "person" });
        world.Unreachable(world.Alex);

        await world.ReplyAsync("Det var samma konto som förra veckan.");

        // The row to Alex fails for good; the answer goes on to Lynne, who holds the case.
        var toLynne = await world.WaitForAsync(world.Lynne.ConversationId, "Det var samma konto som förra veckan.");
        Assert.Contains("Svar från anmälaren i ärende " + world.Case, toLynne, StringComparison.Ordinal);
        Assert.DoesNotContain(world.SentTo(world.Alex.ConversationId), s => s.Contains("samma konto", StringComparison.Ordinal));
        Assert.Equal(MessageDirection.FromMember, (await world.MessagesAsync())[^1].Direction);
    }

    [Fact]
    public async Task Reply_WriterNoLongerStaff_NotSentToThem_TheAssigneeGetsIt()
    {
        await using var world = await WrittenToAsync(azurite);
        await world.PressAsync(world.Lynne, CaseVerbs.Take, new JsonObject { ["view"] = "person" });
        world.Staff.Leave(TestOrganisations.Alex);

        var card = await world.ReplyAsync("Han skrev igen i morse.");

        Assert.Contains("Ditt svar är skickat", card, StringComparison.Ordinal);
        await world.WaitForAsync(world.Lynne.ConversationId, "Han skrev igen i morse.");
        var row = await world.DeliveredAsync(OutboxKind.CaseMessageToStaff);
        Assert.Equal(TestOrganisations.Lynne, row.RecipientAadObjectId);
        Assert.DoesNotContain(world.Connector.Requests, r => r.Body is not null && r.Body.ToJsonString().Contains("Han skrev igen i morse", StringComparison.Ordinal) && r.ConversationId != world.Lynne.ConversationId);
    }

    [Fact]
    public async Task Reply_NobodyOnTheStaff_SavedNotSent_TheChannelHearsWithoutTheText()
    {
        await using var world = await WrittenToAsync(azurite);
        world.Staff.Leave(TestOrganisations.Alex);
        world.Staff.Leave(TestOrganisations.Lynne);

        var card = await world.ReplyAsync("Jag har sparat skärmbilderna.");

        Assert.Contains("Ditt svar är sparat", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Ditt svar är skickat", card, StringComparison.Ordinal);
        Assert.Equal("Jag har sparat skärmbilderna.", (await world.MessagesAsync())[^1].Text);
        await Eventually(
            () => world.Connector.ThreadsIn(MessagesWorld.ChannelId).Any(t => CardText(t).Contains("Nytt svar från anmälaren i ärende " + world.Case, StringComparison.Ordinal)),
            "the channel's notice of the answer");
        Assert.DoesNotContain(world.Connector.Requests, r => r.Body is not null && r.Body.ToJsonString().Contains("skärmbilderna", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_3000Characters_StoredWhole_ArrivesWhole()
    {
        await using var world = await WrittenToAsync(azurite);
        var text = LongText(3_000);

        var card = await world.ReplyAsync(text);

        Assert.Contains("Ditt svar är skickat", card, StringComparison.Ordinal);
        Assert.Equal(text, (await world.MessagesAsync())[^1].Text);
        Assert.Contains(text, await world.WaitForAsync(world.Alex.ConversationId, text[^40..]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hej, vad gör jag om någon hotar mig på nätet?", "sv-SE", "Ditt svar är 4001 tecken långt och får vara högst 4000. Inget har skickats än.")]
    [InlineData("Hello, what should I do if someone threatens me online?", "en-US", "Your reply is 4001 characters long and can be at most 4000. Nothing has been sent yet.")]
    public async Task Reply_OverTheLimit_ToldTheLimitInTheirLanguage_NothingStored(string firstMessage, string locale, string told)
    {
        await using var world = await MessagesWorld.StartAsync(azurite, firstMessage, locale);
        await world.WriteAsync(Question);
        await world.DeliveredAsync(OutboxKind.CaseMessageToMember);

        var answer = await world.ReplyAsync(LongText(4_001));

        Assert.Contains(told, answer, StringComparison.Ordinal);
        Assert.Single(await world.MessagesAsync());
        Assert.DoesNotContain(world.Connector.Requests, r => r.ConversationId == world.Alex.ConversationId && CardText(r).Contains("Rad    1 om mötet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Typed_LongAnswer_TheAskCardCarriesItWhole_ArrivesWhole()
    {
        await using var world = await WrittenToAsync(azurite);
        var text = LongText(3_000);

        var (box, data) = await AskAsync(world, text);
        Assert.Equal(text, box);
        data![MessageCards.AnswerInput] = box;
        await world.PressAsync(world.Member, MessageVerbs.Reply, data);

        Assert.Equal(text, (await world.MessagesAsync())[^1].Text);
        await world.WaitForAsync(world.Alex.ConversationId, text[^40..]);
    }

    [Fact]
    public async Task Typed_AnswerChangedInTheAskCard_ArrivesChanged()
    {
        await using var world = await WrittenToAsync(azurite);
        var text = LongText(1_500);

        var (box, data) = await AskAsync(world, text);
        data![MessageCards.AnswerInput] = box![..200] + " Det var nog på tisdagen, inte måndagen.";
        await world.PressAsync(world.Member, MessageVerbs.Reply, data);

        var stored = (await world.MessagesAsync())[^1];
        Assert.Equal(MessageDirection.FromMember, stored.Direction);
        Assert.Equal(text[..200] + " Det var nog på tisdagen, inte måndagen.", stored.Text);
    }

    [Fact]
    public async Task Typed_LongerThanAnAnswerMayBe_NoBoxThatWouldCutIt_SaysSo()
    {
        await using var world = await WrittenToAsync(azurite);

        var (box, data) = await AskAsync(world, LongText(4_500));

        Assert.Null(box);
        Assert.Null(data);
        var ask = world.SentTo(world.Member.ConversationId)[^1];
        Assert.Contains("längre än 4000 tecken", ask, StringComparison.Ordinal);
        Assert.DoesNotContain(MessageVerbs.Reply, ask, StringComparison.Ordinal);
        Assert.Single(await world.MessagesAsync());
    }

    /// <summary>
    /// The card names the organisation: the member's own case filed in Göteborg (before a move, say) is theirs to read,
    /// while a number that is no case of theirs there is refused neutrally, as any number is.
    /// </summary>
    [Fact]
    public async Task Thread_OwnCaseInAnotherOrganisationIsRead_ANumberOnTheWrongOrganisationIsRefusedNeutrally()
    {
        await using var world = await WrittenToAsync(azurite);
        var elsewhere = await world.SubmitCaseAsync("goteborg");

        var named = await world.PressAsync(world.Member, MessageVerbs.Thread, new JsonObject { ["case"] = elsewhere, ["org"] = "goteborg" });
        var ownWithOtherOrg = await world.PressAsync(world.Member, MessageVerbs.Thread, new JsonObject { ["case"] = elsewhere + "9", ["org"] = "goteborg" });

        Assert.Contains("Meddelanden om rapport " + elsewhere, named, StringComparison.Ordinal);
        Assert.Contains("Det finns inget ärende här som du kan läsa eller svara på.", ownWithOtherOrg, StringComparison.Ordinal);
        Assert.DoesNotContain(Question, ownWithOtherOrg, StringComparison.Ordinal);
    }

    /// <summary>
    /// The member types <paramref name="text"/> while the unit waits; from the ask card that comes back: the answer box's
    /// value and "Ja, skicka"'s data, as Teams would send them (null when the card has no box or no such button).
    /// </summary>
    private static async Task<(string? Box, JsonObject? Data)> AskAsync(MessagesWorld world, string text)
    {
        await world.App.PostActivityAsync(world.Member.Message(text));
        var request = await world.Connector.WaitForMessageAsync(
            r => r.ConversationId == world.Member.ConversationId && CardText(r).Contains("Är det här ett svar till", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));
        var nodes = Nodes(request.Body).ToList();
        var box = nodes.FirstOrDefault(n => n["type"]?.GetValue<string>() == "Input.Text" && n["id"]?.GetValue<string>() == MessageCards.AnswerInput);
        var yes = nodes.FirstOrDefault(n => n["type"]?.GetValue<string>() == "Action.Execute" && n["verb"]?.GetValue<string>() == MessageVerbs.Reply);
        return (box?["value"]?.GetValue<string>(), yes?["data"]?.DeepClone().AsObject());
    }

    private static IEnumerable<JsonObject> Nodes(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Nodes(p.Value))],
        JsonArray a => a.SelectMany(Nodes),
        _ => [],
    };

    /// <summary>A calm, long account of exactly <paramref name="length"/> characters (nothing that reads as danger).</summary>
    private static string LongText(int length)
    {
        var text = string.Concat(Enumerable.Range(1, length / 10 + 1).Select(i => $"Rad {i,4} om mötet. "));
        return text[..(length - 1)] + ".";
    }

    private static string CardText(FakeConnectorRequest request) => Testing.Cases.CardText.Of(request.Body);

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not seen within 30 s: " + what);
            await Task.Delay(100);
        }
    }
}
