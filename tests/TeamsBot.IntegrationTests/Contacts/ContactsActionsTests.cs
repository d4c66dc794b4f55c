using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Cases.Delivery;
using Trygg.Organisations;
using Trygg.Testing.Cases;

namespace Trygg.Contacts;

/// <summary>"kontakt" and the contacts verb through /api/messages, with the shipped profiles and a fake clock for the office hours.</summary>
public sealed class ContactsActionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // The next Saturday and the next working Monday, 10:00 in Stockholm: after today, so a report dated today is not in the future.
    private static readonly DateTimeOffset Saturday = Next(DayOfWeek.Saturday);
    private static readonly DateTimeOffset MondayMorning = Next(DayOfWeek.Monday);

    private static DateTimeOffset Next(DayOfWeek day)
    {
        var hours = new Trygg.Organisations.OfficeHours(new TimeOnly(8, 0), new TimeOnly(16, 30), [DayOfWeek.Monday]);
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        while (date.DayOfWeek != day || (day == DayOfWeek.Monday && !Trygg.Organisations.Calendar.OfficeCalendar.IsWorkingDay(hours, date)))
        {
            date = date.AddDays(1);
        }

        return Trygg.Organisations.Calendar.OfficeCalendar.Instant(date.ToDateTime(new TimeOnly(10, 0)));
    }

    private async Task<TryggBot> StartAsync(DateTimeOffset now) =>
        await DeliverySteps.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Delivery:RunInBackground"] = "false" },
            s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));

    private static async Task SaveProfileAsync(TryggBot bot, Activities who, string organisation, string party) =>
        await bot.App.Get<IMemberProfileStore>().SaveAsync(
            new MemberKey(Activities.TenantId, who.UserAadObjectId),
            new MemberProfile(organisation, party, MemberRole.Fritidspolitiker, ["ks"], null, "Anna Andersson", null, DateTimeOffset.UtcNow),
            default);

    private static async Task<JsonNode> WriteAsync(TryggBot bot, Activities who, string text)
    {
        bot.Connector.Clear();
        var response = await bot.App.PostActivityAsync(who.Message(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await bot.Connector.WaitForMessageAsync(r => r.ConversationId == who.ConversationId);
        return CardJson.CardOf(reply.Body!) ?? throw new Xunit.Sdk.XunitException("Expected a card, got: " + reply.Body!.ToJsonString());
    }

    private static List<(string Title, string Url)> Links(JsonNode card) =>
        [.. card.ToJsonString().Split("\"type\":\"Action.OpenUrl\"").Skip(1).Select(part =>
        {
            var node = JsonNode.Parse("{\"type\":\"Action.OpenUrl\"" + part[..(part.IndexOf('}', StringComparison.Ordinal) + 1)])!;
            return ((string)node["title"]!, (string)node["url"]!);
        })];

    [Fact]
    public async Task Kontakt_AlingsasMemberAtTheWeekend_AlingsasOnCallNumberAsTapToCall()
    {
        await using var bot = await StartAsync(Saturday);
        await SaveProfileAsync(bot, bot.Member, "alingsas", "Socialdemokraterna");

        var card = await WriteAsync(bot, bot.Member, "kontakt");

        var text = CardText.Of(card);
        var links = Links(card);
        Assert.Contains("Säkerhetschefens jourtelefon: 0322-00 00 00", text, StringComparison.Ordinal);
        Assert.Contains("Kontoret är stängt nu. Ring jouren.", text, StringComparison.Ordinal);
        Assert.Contains(("Ring 0322-00 00 00", "tel:+46322000000"), links);
        Assert.Equal(("Ring 112", "tel:112"), links[0]);
        Assert.Contains(("Ring 114 14", "tel:11414"), links);
        Assert.Contains("Megan Bowen – säkerhetsansvarig för Socialdemokraterna", text, StringComparison.Ordinal);
        Assert.DoesNotContain("031-", text, StringComparison.Ordinal);

        // The on-call number comes before the office's: it is the one that answers now.
        Assert.True(text.IndexOf("0322-00 00 00", StringComparison.Ordinal) < text.IndexOf("0322-00 00 01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Contacts_GoteborgMemberInOfficeHours_GoteborgsSecurityUnitFirst()
    {
        await using var bot = await StartAsync(MondayMorning);
        var member = new Activities(bot.Connector.ServiceUrl) { Locale = "en-US" };
        await SaveProfileAsync(bot, member, "goteborg", "Moderaterna");

        var card = await WriteAsync(bot, member, "contacts");

        var text = CardText.Of(card);
        Assert.Contains("Säkerhet och beredskap, Göteborgs Stad: 031-000 00 00", text, StringComparison.Ordinal);
        Assert.Contains(("Call 031-000 00 00", "tel:+46310000000"), Links(card));
        Assert.DoesNotContain("0322", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kontakt_WithoutProfile_112And11414AndAWayToTheProfile()
    {
        await using var bot = await StartAsync(MondayMorning);

        var card = await WriteAsync(bot, bot.Member, "kontakter");

        Assert.Equal(["tel:112", "tel:11414"], Links(card).Select(l => l.Url));
        Assert.Contains("profile.show", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotSafe_AlingsasAtTheWeekend_AcuteCardCalls112ThenTheOnCallNumber()
    {
        await using var bot = await StartAsync(Saturday);
        await SaveProfileAsync(bot, bot.Member, "alingsas", "Socialdemokraterna");
        var safety = await WriteAsync(bot, bot.Member, "jag har blivit hotad");
        var draft = safety.ToJsonString().Split("\"draft\":\"")[1].Split('"')[0];
        Assert.Contains(("Ring 112", "tel:112"), Links(safety));

        var response = await bot.App.PostActivityAsync(bot.Member.Execute("reporting.unsafe", new JsonObject { ["draft"] = draft }));
        var acute = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;

        var text = CardText.Of(acute);
        Assert.Contains("Ring 112 nu.", text, StringComparison.Ordinal);
        Assert.Contains("Är du inne: stanna inne, lås dörren", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Gå därifrån", text, StringComparison.Ordinal);
        Assert.Contains("Efter 112 kan du ringa Säkerhetschefens jourtelefon: 0322-00 00 00.", text, StringComparison.Ordinal);
        Assert.Equal([("Ring 112", "tel:112"), ("Ring 0322-00 00 00", "tel:+46322000000")], Links(acute));
    }

    [Fact]
    public async Task Receipt_InOfficeHours_NamesTheSecurityUnitsNumberWithTapToCall()
    {
        await using var bot = await StartAsync(MondayMorning);
        var caseNumber = await bot.ReportAsync();
        Assert.NotEmpty(caseNumber);

        var response = await bot.App.PostActivityAsync(bot.Member.Execute("reporting.receipt", new JsonObject { ["case"] = caseNumber }));
        var receipt = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;

        Assert.Contains("Säkerhetsenheten: **0322-00 00 01**", CardText.Of(receipt), StringComparison.Ordinal);
        Assert.Contains(("Ring 0322-00 00 01", "tel:+46322000001"), Links(receipt));
        Assert.Contains(("Ring 112", "tel:112"), Links(receipt));
    }
}
