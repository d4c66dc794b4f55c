using System.Text.Json.Nodes;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Cases;
using Trygg.Cases.Rules;
using Trygg.Organisations;
using Trygg.Organisations.Calendar;
using Trygg.Texts;

namespace Trygg.Reporting;

/// <summary>The member's preview, form and receipt name exactly whom the routing rules send the report to.</summary>
public sealed class ReportCardsTests
{
    private static readonly OrganisationDirectory Shipped = ShippedProfiles.Load();

    private static readonly DateTimeOffset Wednesday10 = OfficeCalendarTests.Local("2026-11-18 10:00");
    private static readonly DateTimeOffset Wednesday21 = OfficeCalendarTests.Local("2026-11-18 21:00");

    private readonly RoutingRules _rules = new(new OfficeCalendar());
    private readonly ReportCards _cards;

    public ReportCardsTests() => _cards = new ReportCards(new CardRenderer(), _rules, new Trygg.Organisations.Calendar.OfficeCalendar());

    private static MemberProfile Member(string organisation, string party, MemberRole role = MemberRole.Fritidspolitiker) =>
        new(organisation, party, role, ["ks", "arbetsmarknad"], null, "Anna Andersson", null, Wednesday10);

    private static IncidentDetails Details(string assignment = "ks", bool informParty = true, IncidentKind kind = IncidentKind.Threat) =>
        new(kind, Wednesday10.AddHours(-1), IncidentPlace.Online, "Instagram", assignment, "Någon skrev att de vet var jag bor.",
            Perpetrator.AnonymousAccount, false, false, [Evidence.Screenshots], PoliceReport.NotYet, null, ContactWish.Teams, InformParty: informParty);

    private static ReportDraft Draft => ReportDraft.New(Wednesday10);

    private List<string> Preview(string organisation, string party, DateTimeOffset now, IncidentDetails? details = null, Language language = Language.Swedish) =>
        Texts(_cards.Preview(language, Draft, details ?? Details(), Member(organisation, party), Shipped.Find(organisation)!, now));

    /// <summary>The lines under "Rapporten går till", up to the buttons or the call-now box.</summary>
    private static List<string> RecipientsIn(List<string> texts, string title = "Rapporten går till") =>
        [.. texts.SkipWhile(t => t != title).Skip(1).TakeWhile(t => t is not ("Vill du prata med någon nu?" or "Want to talk to someone now?" or "Skicka" or "Send"))];

    [Fact]
    public void Preview_StockholmInOfficeHours_SecurityUnitAndPartyOfficerOnly()
    {
        var texts = Preview("stockholm", "Socialdemokraterna", Wednesday10);

        Assert.Equal(["Säkerhetsavdelningen, Stockholms stad", "Megan Bowen – säkerhetsansvarig för Socialdemokraterna"], RecipientsIn(texts));
        Assert.DoesNotContain("Vill du prata med någon nu?", texts);
    }

    [Fact]
    public void Preview_StockholmEvening_TibIsARecipientAndTheMemberIsToldWhomToCall()
    {
        var texts = Preview("stockholm", "Moderaterna", Wednesday21);

        Assert.Equal(
            ["Säkerhetsavdelningen, Stockholms stad", "Adele Vance – säkerhetsansvarig för Moderaterna", "Patti Fernandez – säkerhetsansvarig för Moderaterna",
             "Isaiah Langer – jour utanför kontorstid"],
            RecipientsIn(texts));
        var call = texts.SkipWhile(t => t != "Vill du prata med någon nu?").ToList();
        Assert.Equal(
            ["Vill du prata med någon nu?", "Det är utanför kontorstid. Du kan ringa:", "Tjänsteperson i beredskap (TiB): **08-000 00 00**", "Är du i fara: ring 112."],
            call.Take(4));
    }

    [Fact]
    public void Preview_GoteborgBoardInTheEvening_LocalOfficerAndTheSupportLineToCall()
    {
        var texts = Preview("goteborg", "Socialdemokraterna", Wednesday21, Details("arbetsmarknad"));

        Assert.Equal(
            ["Säkerhet och beredskap, Göteborgs Stad", "Megan Bowen – säkerhetsansvarig för Socialdemokraterna", "Patti Fernandez – säkerhetsansvarig för Arbetsmarknadsnämnden"],
            RecipientsIn(texts));
        Assert.Contains("Stadens stödlinje (säkerhetsbolaget efter kontorstid): **031-000 00 00**", texts);
    }

    [Fact]
    public void Preview_MemberSaidNoToTheParty_PartyOfficerNotListed() =>
        Assert.Equal(["Säkerhetsenheten, Alingsås kommun"], RecipientsIn(Preview("alingsas", "Socialdemokraterna", Wednesday10, Details(informParty: false))));

    [Fact]
    public void Preview_PartyWithoutOfficer_OnlyTheSecurityUnit() =>
        Assert.Equal(["Säkerhetsenheten, Alingsås kommun"], RecipientsIn(Preview("alingsas", "Liberalerna", Wednesday10)));

    [Fact]
    public void Preview_English_SameRecipientsInEnglish()
    {
        var texts = Preview("alingsas", "Socialdemokraterna", Wednesday21, language: Language.English);

        Assert.Equal(
            ["Säkerhetsenheten, Alingsås kommun", "Megan Bowen – security officer for Socialdemokraterna", "Lynne Robbins – on call outside office hours"],
            RecipientsIn(texts, "The report goes to"));
        Assert.Contains("Säkerhetschefens jourtelefon: **0322-00 00 00**", texts);
        Assert.Contains("If you are in danger: call 112.", texts);
    }

    [Theory]
    [InlineData("stockholm", "Moderaterna", "2026-11-21 14:00", "arbetsmarknad")]
    [InlineData("goteborg", "Moderaterna", "2026-11-18 09:00", "arbetsmarknad")]
    [InlineData("goteborg", "Sverigedemokraterna", "2026-12-24 09:00", "ks")]
    [InlineData("alingsas", "Moderaterna", "2026-06-19 12:00", "party")]
    public void Preview_AnyCase_OneLinePerRecipientTheRulesDecide(string organisation, string party, string local, string assignment)
    {
        var at = OfficeCalendarTests.Local(local);
        var details = Details(assignment);
        var decision = _rules.Decide(ReportForm.RoutingRequest(Shipped.Find(organisation)!, Member(organisation, party), details, at));

        var lines = RecipientsIn(Preview(organisation, party, at, details));

        Assert.Equal(decision.Recipients.Count, lines.Count);
        Assert.All(decision.Recipients.Where(r => r.Person is not null), r => Assert.Contains(lines, l => l.StartsWith(r.Name + " – ", StringComparison.Ordinal)));
    }

    [Fact]
    public void More_PartyWithOneOfficer_AsksWithTheOfficersNameDefaultYes()
    {
        var card = Json(_cards.More(Language.Swedish, Draft, Member("alingsas", "Socialdemokraterna"), Shipped.Find("alingsas")!, new Dictionary<string, string>()));

        var question = Input(card, "informParty")!;
        Assert.Equal("Ska partiets säkerhetsansvarig, Megan Bowen, få veta?", (string?)question["label"]);
        Assert.Equal("true", (string?)question["value"]);
        Assert.Equal(["Ja", "Nej, inte partiet den här gången"], question["choices"]!.AsArray().Select(c => (string?)c!["title"]));
    }

    [Fact]
    public void More_PartyWithTwoOfficers_NamesBoth()
    {
        var card = Json(_cards.More(Language.Swedish, Draft, Member("stockholm", "Moderaterna"), Shipped.Find("stockholm")!, new Dictionary<string, string>()));

        Assert.Equal("Ska partiets säkerhetsansvariga, Adele Vance och Patti Fernandez, få veta?", (string?)Input(card, "informParty")!["label"]);
    }

    [Fact]
    public void More_PartyWithoutOfficer_DoesNotAsk()
    {
        var card = Json(_cards.More(Language.Swedish, Draft, Member("stockholm", "Liberalerna"), Shipped.Find("stockholm")!, new Dictionary<string, string>()));

        Assert.Null(Input(card, "informParty"));
        Assert.NotNull(Input(card, "contact"));
    }

    [Fact]
    public void More_EarlierNo_IsKept()
    {
        var draft = Draft with { Values = new(StringComparer.Ordinal) { [ReportForm.InformParty] = "false" } };

        var card = Json(_cards.More(Language.Swedish, draft, Member("alingsas", "Moderaterna"), Shipped.Find("alingsas")!, new Dictionary<string, string>()));

        Assert.Equal("false", (string?)Input(card, "informParty")!["value"]);
    }

    [Fact]
    public void Receipt_NamesTheRecipientsDecidedWhenItWasSent()
    {
        var incident = new Incident("TRY-2026-0042", "stockholm", "t", "u", "Anna Andersson", Wednesday21, IncidentStatus.Received, Details());

        var texts = Texts(_cards.Receipt(Language.Swedish, incident, Member("stockholm", "Socialdemokraterna"), Shipped.Find("stockholm")!));

        Assert.Equal(
            ["• Säkerhetsavdelningen, Stockholms stad", "• Megan Bowen – säkerhetsansvarig för Socialdemokraterna", "• Isaiah Langer – jour utanför kontorstid"],
            texts.SkipWhile(t => t != "Den går till:").Skip(1).Take(3));
        Assert.Contains("Tjänsteperson i beredskap (TiB): **08-000 00 00**", texts);
        Assert.Contains("TRY-2026-0042", texts);
    }

    [Fact]
    public void Receipt_WithDeliveries_SaysPerRecipientWhereItStands_NeverThatItWasSent()
    {
        var incident = new Incident("TRY-2026-0044", "alingsas", "t", "u", "Anna Andersson", Wednesday10, IncidentStatus.Received, Details());
        RecipientDelivery[] deliveries =
        [
            new(RecipientRole.SecurityChannel, "Säkerhetsenheten – rapporter", DeliveryState.Delivered),
            new(RecipientRole.PartySecurityOfficer, "Adele Vance", DeliveryState.NotDelivered),
        ];

        var card = _cards.Receipt(Language.Swedish, incident, Member("alingsas", "Moderaterna"), Shipped.Find("alingsas")!, deliveries, "29:member");
        var texts = Texts(card);

        Assert.Equal("Tack. Vi har tagit emot din rapport.", texts[0]);
        Assert.Equal(
            ["• Säkerhetsenheten, Alingsås kommun – framme", "• Adele Vance – säkerhetsansvarig för Moderaterna – kom inte fram. Säkerhetsenheten får veta"],
            texts.SkipWhile(t => t != "Den går till:").Skip(1).Take(2));
        Assert.DoesNotContain(texts, t => t.Contains("skickats", StringComparison.Ordinal));
        var refresh = Json(card)["refresh"]!;
        Assert.Equal("reporting.receipt", (string?)refresh["action"]!["verb"]);
        Assert.Equal("TRY-2026-0044", (string?)refresh["action"]!["data"]!["case"]);
        Assert.Equal("29:member", (string?)refresh["userIds"]![0]);
    }

    [Fact]
    public void Receipt_InOfficeHours_NamesTheSecurityUnitsNumber()
    {
        var incident = new Incident("TRY-2026-0043", "alingsas", "t", "u", "Anna Andersson", Wednesday10, IncidentStatus.Received, Details());

        var card = _cards.Receipt(Language.Swedish, incident, Member("alingsas", "Moderaterna"), Shipped.Find("alingsas")!);
        var texts = Texts(card);

        Assert.Equal(["• Säkerhetsenheten, Alingsås kommun", "• Adele Vance – säkerhetsansvarig för Moderaterna"], texts.SkipWhile(t => t != "Den går till:").Skip(1).Take(2));
        Assert.Equal(
            ["Vill du prata med någon nu?", "Säkerhetsenheten har öppet nu. Du kan ringa:", "Säkerhetsenheten: **0322-00 00 01**", "Är du i fara: ring 112."],
            texts.SkipWhile(t => t != "Vill du prata med någon nu?").Take(4));
        var json = System.Text.RegularExpressions.Regex.Unescape(card.Json);
        Assert.Matches("\"title\":\\s*\"Ring 0322-00 00 01\",\\s*\"url\":\\s*\"tel:\\+46322000001\"", json);
        Assert.Matches("\"title\":\\s*\"Ring 112\",\\s*\"url\":\\s*\"tel:112\"", json);
    }

    private static JsonNode Json(AdaptiveCard card) => JsonNode.Parse(card.Json)!;

    private static JsonNode? Input(JsonNode card, string id) =>
        card["body"]!.AsArray().FirstOrDefault(e => ((string?)e!["id"])?.Split('_')[0] == id);

    [Fact]
    public void Files_NoneSentYet_SaysNothingOfACount_AndOffersSkipAndCancel()
    {
        var draft = Draft;
        var card = _cards.Files(Language.Swedish, draft.Id, 0);
        var texts = Texts(card);

        Assert.Contains("Har du skärmbilder eller filer?", texts);
        Assert.Contains("Hoppa över", texts);
        Assert.DoesNotContain("Klart", texts);
        Assert.DoesNotContain(texts, t => t.Contains("bifogad", StringComparison.Ordinal));
        var verbs = JsonNode.Parse(card.Json)!.ToJsonString();
        Assert.Contains($"\"verb\":\"{ReportingVerbs.FilesDone}\"", verbs, StringComparison.Ordinal);
        Assert.Contains($"\"verb\":\"{ReportingVerbs.Cancel}\"", verbs, StringComparison.Ordinal);
        Assert.Contains($"\"draft\":\"{draft.Id}\"", verbs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Swedish, 1, "**1 fil bifogad**")]
    [InlineData(Language.Swedish, 2, "**2 filer bifogade**")]
    [InlineData(Language.English, 1, "**1 file attached**")]
    [InlineData(Language.English, 3, "**3 files attached**")]
    public void Files_SomeSent_SaysHowMany(Language language, int files, string expected) =>
        Assert.Contains(expected, Texts(_cards.Files(language, Draft.Id, files)));

    [Theory]
    [InlineData(Language.Swedish, "Klart", "Hoppa över")]
    [InlineData(Language.English, "Done", "Skip")]
    public void Files_SomeSent_OffersDoneInsteadOfSkip(Language language, string done, string skip)
    {
        var texts = Texts(_cards.Files(language, Draft.Id, 1));

        Assert.Contains(done, texts);
        Assert.DoesNotContain(skip, texts);
    }

    [Fact]
    public void Preview_TwoFilesUnderTheDraft_SaysTwoFilesAttached()
    {
        var member = Member("alingsas", "Socialdemokraterna");
        var facts = JsonNode.Parse(_cards.Preview(Language.Swedish, Draft, Details(), member, Shipped.Find("alingsas")!, Wednesday10, files: 2).Json)!
            .ToJsonString();

        Assert.Contains("{\"title\":\"Filer\",\"value\":\"2 filer bifogade\"}", facts, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_NoFiles_SaysNothingOfFiles() =>
        Assert.DoesNotContain(Preview("alingsas", "Socialdemokraterna", Wednesday10), t => t.Contains("bifogad", StringComparison.Ordinal));

    /// <summary>Every TextBlock text and button title, in card order.</summary>
    private static List<string> Texts(AdaptiveCard card)
    {
        var result = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if ((string?)o["type"] is "TextBlock" && o["text"] is JsonValue text)
                    {
                        result.Add(text.GetValue<string>());
                    }
                    else if ((string?)o["type"] is "Action.Execute" && o["title"] is JsonValue title)
                    {
                        result.Add(title.GetValue<string>());
                    }

                    foreach (var (_, value) in o)
                    {
                        Walk(value);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(JsonNode.Parse(card.Json));
        return result;
    }
}
