using System.Text.Json.Nodes;
using Trygg.Cards;
using Trygg.Cases.Rules;
using Trygg.Organisations;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Cases.Files;

public sealed class CaseEvidenceRowsTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 11, 23, 20, 14, 0, TimeSpan.Zero);
    private static readonly Organisation Org = TestOrganisations.Testkommun();

    private static readonly CaseEvidenceFile Letter = new("b2", "hotbrev.txt", "text/plain", 850, Submitted.AddMinutes(40));
    private static readonly CaseEvidenceFile Photo = new("a1", "image.jpg", "image/jpeg", 3_565_158, Submitted.AddMinutes(5));

    private static Case NewCase()
    {
        var details = new IncidentDetails(
            IncidentKind.Threat, Submitted.AddMinutes(-20), IncidentPlace.Online, "Instagram", "ks", "beskrivning", Perpetrator.AnonymousAccount,
            RelativesAffected: false, Injured: false, [Evidence.Screenshots], PoliceReport.NotYet, null, ContactWish.Teams);
        var incident = new Incident("TST-2026-0007", "testkommun", "tenant", "reporter-aad", "Anna Andersson", Submitted, IncidentStatus.Received, details);
        return new Case(incident, new CaseFile(
            "tenant", "testkommun", "TST-2026-0007", Priority.High, OutOfHours: true, Submitted.AddMinutes(15), "a:member", Language.Swedish,
            [new CaseRecipient(RecipientRole.SecurityChannel, "Säkerhetsenheten – rapporter")]));
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Nodes(p.Value))],
        JsonArray a => a.SelectMany(Nodes),
        _ => [],
    };

    private static string Text(JsonNode card) =>
        string.Join('\n', Nodes(card).OfType<JsonObject>().SelectMany(o => o.Where(p => p.Key is "text" or "title" && p.Value is JsonValue).Select(p => p.Value!.GetValue<string>())));

    [Fact]
    public void Of_TwoFiles_OldestFirst_WithTypeSizeAndSwedishTime()
    {
        var rows = CaseEvidenceRows.Of([Letter, Photo], Language.Swedish);

        Assert.Equal(["a1", "b2"], rows.Select(r => r.Id));
        Assert.Equal("JPG · 3,4 MB · tillagd 2026-11-23 21:19", rows[0].About);
        Assert.Equal("TXT · 850 B · tillagd 2026-11-23 21:54", rows[1].About);
        Assert.All(rows, r => Assert.Equal("Öppna", r.Open));
    }

    [Fact]
    public void Of_English_UsesEnglishWordsAndDecimalPoint()
    {
        var row = Assert.Single(CaseEvidenceRows.Of([Photo], Language.English));

        Assert.Equal("JPG · 3.4 MB · added 2026-11-23 21:19", row.About);
        Assert.Equal("Open", row.Open);
    }

    [Fact]
    public void Details_StaffAndEvidence_ListsEachFileWithOpenInTheBody_AndKeepsTheCardsActions()
    {
        var cards = new CaseCards(new CardRenderer());
        var without = JsonNode.Parse(cards.Details(NewCase(), Org, null, canAct: true, inChannel: true, [], []).Json)!;
        var card = JsonNode.Parse(cards.Details(NewCase(), Org, null, canAct: true, inChannel: true, [], [], [Photo, Letter]).Json)!;

        var text = Text(card);
        Assert.Contains("Bevis från anmälaren (2)", text, StringComparison.Ordinal);
        Assert.Contains("image.jpg", string.Join('\n', Nodes(card).OfType<JsonObject>().Select(o => (string?)o["text"] ?? "")), StringComparison.Ordinal);
        var opens = Nodes(card["body"]).OfType<JsonObject>().Where(o => (string?)o["verb"] == CaseVerbs.Evidence).ToList();
        Assert.Equal(["a1", "b2"], opens.Select(o => (string?)o["data"]!["evidence"]));
        Assert.All(opens, o =>
        {
            Assert.Equal("TST-2026-0007", (string?)o["data"]!["case"]);
            Assert.Equal("testkommun", (string?)o["data"]!["org"]);
            Assert.Equal(CaseCards.DetailView, (string?)o["data"]!["view"]);
        });
        static IEnumerable<string?> Actions(JsonNode c) => c["actions"]!.AsArray().Select(a => (string?)a!["verb"] ?? (string?)a!["title"]);
        Assert.Equal(Actions(without), Actions(card));
        Assert.DoesNotContain("Bevis från anmälaren", Text(without), StringComparison.Ordinal);
    }

    [Fact]
    public void Details_NotStaff_ListsNoEvidence()
    {
        var card = JsonNode.Parse(new CaseCards(new CardRenderer()).Details(NewCase(), Org, null, canAct: false, inChannel: false, [], [], [Photo]).Json)!;

        Assert.DoesNotContain(Nodes(card).OfType<JsonObject>(), o => (string?)o["verb"] == CaseVerbs.Evidence);
        Assert.DoesNotContain("image.jpg", card.ToJsonString(), StringComparison.Ordinal);
    }
}
