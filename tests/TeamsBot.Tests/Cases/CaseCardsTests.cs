using System.Text.Json.Nodes;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Reporting;
using Trygg.Organisations;
using Trygg.Testing.Cases;
using Trygg.Cases.Rules;
using Trygg.Texts;

namespace Trygg.Cases;

public sealed class CaseCardsTests
{
    private const string Secret = "Någon skrev \"jag vet var du bor\" under mitt inlägg.";
    private static readonly DateTimeOffset Submitted = new(2026, 11, 23, 20, 14, 0, TimeSpan.Zero);
    private static readonly Organisation Org = TestOrganisations.Testkommun();
    private static readonly StaffStamp Alex = new(TestOrganisations.Alex, "Alex Wilber", Submitted.AddMinutes(3));

    private readonly CaseCards _cards = new(new CardRenderer());

    private static Case NewCase(CaseFile? file = null)
    {
        var details = new IncidentDetails(
            IncidentKind.Threat, Submitted.AddMinutes(-20), IncidentPlace.Online, "Instagram", "ks", Secret, Perpetrator.AnonymousAccount,
            RelativesAffected: false, Injured: false, [Evidence.Screenshots], PoliceReport.NotYet, null, ContactWish.Phone);
        var incident = new Incident("TST-2026-0007", "testkommun", "tenant", "reporter-aad", "Anna Andersson", Submitted, IncidentStatus.Received, details);
        return new Case(incident, file ?? new CaseFile(
            "tenant", "testkommun", "TST-2026-0007", Priority.High, OutOfHours: true, Submitted.AddMinutes(15), "a:member", Language.Swedish,
            [new CaseRecipient(RecipientRole.SecurityChannel, "Säkerhetsenheten – rapporter"), new CaseRecipient(RecipientRole.PartySecurityOfficer, "Megan Bowen")]));
    }

    private static JsonNode Json(AdaptiveCard card) => JsonNode.Parse(card.Json)!;

    private static string Text(AdaptiveCard card) => string.Join('\n', Strings(Json(card)));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>The most actions Teams renders on a card; more are dropped unless they are in the overflow menu.</summary>
    private const int TeamsMaxActions = 6;

    private static int PrimaryActions(AdaptiveCard card) =>
        Json(card)["actions"]!.AsArray().Count(a => a!["mode"]?.GetValue<string>() != "secondary");

    private static IEnumerable<string> Verbs(AdaptiveCard card) =>
        Json(card)["actions"]!.AsArray().Select(a => a!["verb"]?.GetValue<string>() ?? a!["title"]!.GetValue<string>());

    [Fact]
    public void Summary_NewCase_ShowsNeedToKnowOnly()
    {
        var text = Text(_cards.Summary(NewCase(), Org, ["29:alex"]));

        Assert.Contains("Ny rapport", text, StringComparison.Ordinal);
        Assert.Contains("TST-2026-0007", text, StringComparison.Ordinal);
        Assert.Contains("Hot", text, StringComparison.Ordinal);
        Assert.Contains("Hög, utanför kontorstid", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-23 21:14", text, StringComparison.Ordinal);
        Assert.Contains("Kommunstyrelsen", text, StringComparison.Ordinal);
        Assert.Contains("Ja, per telefon", text, StringComparison.Ordinal);
        Assert.DoesNotContain("jag vet var du bor", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Instagram", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_NewCase_OffersAcknowledgeTakeAndDetails_WithARefreshForStaff()
    {
        var card = _cards.Summary(NewCase(), Org, ["29:alex", "29:lynne"]);

        Assert.Equal(["cases.ack", "cases.take", "cases.details"], Verbs(card));
        var refresh = Json(card)["refresh"]!;
        Assert.Equal("cases.refresh", refresh["action"]!["verb"]!.GetValue<string>());
        Assert.Equal(["29:alex", "29:lynne"], refresh["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal("TST-2026-0007", refresh["action"]!["data"]!["case"]!.GetValue<string>());
    }

    [Fact]
    public void Summary_ManyStaff_RefreshListsAtMost60()
    {
        var card = _cards.Summary(NewCase(), Org, [.. Enumerable.Range(0, 75).Select(i => $"29:{i}")]);

        Assert.Equal(60, Json(card)["refresh"]!["userIds"]!.AsArray().Count);
    }

    [Fact]
    public void Summary_Acknowledged_SaysByWhomAndOffersNoAcknowledge()
    {
        var @case = NewCase();
        var card = _cards.Summary(@case with { File = @case.File with { AcknowledgedBy = Alex } }, Org, []);

        Assert.Contains("Mottagen av Alex Wilber", Text(card), StringComparison.Ordinal);
        Assert.Equal(["cases.take", "cases.details"], Verbs(card));
    }

    [Fact]
    public void Summary_Closed_OnlyDetails()
    {
        var @case = NewCase();
        var card = _cards.Summary(@case with { File = @case.File with { AcknowledgedBy = Alex, ClosedBy = Alex, Outcome = "Polisanmält." } }, Org, []);

        Assert.Contains("Avslutad av Alex Wilber", Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain("Polisanmält", Text(card), StringComparison.Ordinal);
        Assert.Equal(["cases.details"], Verbs(card));
    }

    [Fact]
    public void Summary_Escalated_SaysNobodyHasAcknowledged()
    {
        var @case = NewCase();

        Assert.Contains("Påminnelse: ingen har bekräftat än", Text(_cards.Summary(@case, Org, [], round: 1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Details_WithDeliveries_SaysPerRecipientWhetherItArrived()
    {
        RecipientDelivery[] deliveries =
        [
            new(RecipientRole.SecurityChannel, "Säkerhetsenheten – rapporter", DeliveryState.Delivered),
            new(RecipientRole.PartySecurityOfficer, "Megan Bowen", DeliveryState.NotDelivered),
        ];

        var card = Json(_cards.Details(NewCase(), Org, null, canAct: true, inChannel: true, deliveries));

        // Each fact is a row (ColumnSet) of its label and its value.
        string RowOf(string label) => Assert.Single(
            Trygg.Testing.CardJson.Objects(card),
            o => (string?)o["type"] == "ColumnSet" && Trygg.Testing.CardJson.Objects(o).Any(t => (string?)t["text"] == label)).ToJsonString();
        Assert.Contains("kunde inte nås", System.Text.RegularExpressions.Regex.Unescape(RowOf("Megan Bowen (partiets säkerhetsansvarig)")), StringComparison.Ordinal);
        Assert.Contains("framme", System.Text.RegularExpressions.Regex.Unescape(RowOf("Säkerhetsenheten – rapporter (säkerhetskanalen)")), StringComparison.Ordinal);
        Assert.DoesNotContain("Skickad till", Text(_cards.Details(NewCase(), Org, null, canAct: true, inChannel: true, deliveries)), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_OfficerNotReached_NamesTheRoleNotThePerson()
    {
        RecipientDelivery[] deliveries = [new(RecipientRole.PartySecurityOfficer, "Megan Bowen", DeliveryState.NotDelivered)];

        var text = Text(_cards.Summary(NewCase(), Org, [], deliveries: deliveries));

        Assert.Contains("Kunde inte nå partiets säkerhetsansvarig", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kunde inte nå", Text(_cards.Summary(NewCase(), Org, [])), StringComparison.Ordinal);
    }

    [Fact]
    public void Details_ForStaff_ShowsEverythingAndTheActions()
    {
        var reporter = new MemberProfile("testkommun", "Socialdemokraterna", MemberRole.Fritidspolitiker, ["ks"], "070-123 45 67", "Anna Andersson", null, Submitted);
        var card = _cards.Details(NewCase(), Org, reporter, canAct: true, inChannel: true);
        var text = Text(card);

        Assert.Contains(Secret, text, StringComparison.Ordinal);
        Assert.Contains("Anna Andersson (Socialdemokraterna)", text, StringComparison.Ordinal);
        Assert.Contains("070-123 45 67", text, StringComparison.Ordinal);
        Assert.Contains("På nätet (Instagram)", text, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen (partiets säkerhetsansvarig)", text, StringComparison.Ordinal);
        Assert.Equal(["cases.ack", "cases.take", "Tilldela", "Anteckning", "Stäng", "Skriv till anmälaren", "Polisanmälan gjord åt medlemmen", "cases.summary"], Verbs(card));
        Assert.True(PrimaryActions(card) <= TeamsMaxActions, "Teams shows at most six actions; the rarer ones go to the overflow menu (mode secondary)");
        Assert.Contains("Lynne Robbins", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Details_ForAnOfficerWhoIsNotStaff_NoActions()
    {
        var card = _cards.Details(NewCase(), Org, reporter: null, canAct: false, inChannel: false);

        Assert.Empty(Json(card)["actions"]!.AsArray());
        Assert.Contains(Secret, Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Details_WithNotesAndOutcome_ShowsThem()
    {
        var @case = NewCase();
        var file = @case.File with { AcknowledgedBy = Alex, ClosedBy = Alex, Outcome = "Polisanmält.", Notes = [new CaseNote(Alex, "Ringt upp.")] };
        var text = Text(_cards.Details(@case with { File = file }, Org, null, canAct: true, inChannel: true));

        Assert.Contains("2026-11-23 21:17 · Alex Wilber", text, StringComparison.Ordinal);
        Assert.Contains("Ringt upp.", text, StringComparison.Ordinal);
        Assert.Contains("Polisanmält.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseStatus.Acknowledged, Language.Swedish, "Säkerhetsenheten har tagit emot din rapport TST-2026-0007")]
    [InlineData(CaseStatus.Closed, Language.Swedish, "Säkerhetsenheten har avslutat ärende TST-2026-0007")]
    [InlineData(CaseStatus.Acknowledged, Language.English, "Säkerhetsenheten has received your report TST-2026-0007")]
    public void ReporterUpdate_InTheMembersLanguage(CaseStatus update, Language language, string expected)
    {
        var @case = NewCase();
        var text = Text(_cards.ReporterUpdate(@case, Org, update, language));

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public void DeliveryFailed_ReporterUpdate_DoesNotNameTheMember()
    {
        var text = Text(_cards.DeliveryFailed("TST-2026-0007", Org, null, null, "403 MessageWritesBlocked"));

        Assert.Contains("den som rapporterade", text, StringComparison.Ordinal);
        Assert.Contains("403 MessageWritesBlocked", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Details_UserTextWithMarkdown_ReachesStaffOnlyAsPlainTextRuns()
    {
        const string Link = "[Klicka här](https://evil.example) **x**";
        var details = NewCase().Incident.Details with { Description = Link, Platform = Link, PoliceReport = PoliceReport.Made, PoliceDiaryNumber = Link };
        var file = NewCase().File with
        {
            ClosedBy = Alex,
            Outcome = Link,
            Notes = [new CaseNote(Alex, Link)],
        };
        var @case = new Case(NewCase().Incident with { ReporterName = Link, Details = details }, file);
        var reporter = new MemberProfile("testkommun", "Socialdemokraterna", MemberRole.Fritidspolitiker, ["ks"], "070-123 45 67", Link, null, Submitted);

        foreach (var card in new[] { _cards.Details(@case, Org, reporter, canAct: true, inChannel: true), _cards.Details(@case, Org, reporter, canAct: false, inChannel: false) })
        {
            var places = Places(Json(card), parent: null, key: null).Where(p => p.Value.Contains("evil.example", StringComparison.Ordinal)).ToList();

            Assert.True(places.Count >= 6, $"the hostile text should be shown in 6 places, was {places.Count}");
            Assert.All(places, p => Assert.Equal(("TextRun", "text"), (p.Type, p.Key)));
        }

        Assert.DoesNotContain("evil.example", _cards.Summary(@case, Org, []).Json, StringComparison.Ordinal);
    }

    /// <summary>Every string in a card with the type of the element holding it and its property name.</summary>
    private static IEnumerable<(string? Type, string? Key, string Value)> Places(JsonNode? node, JsonObject? parent, string? key) => node switch
    {
        JsonObject o => o.SelectMany(p => Places(p.Value, o, p.Key)),
        JsonArray a => a.SelectMany(n => Places(n, parent, key)),
        JsonValue v when v.TryGetValue<string>(out var s) => [(parent?["type"]?.GetValue<string>(), key, s)],
        _ => [],
    };

    [Fact]
    public void LanguageOf_Organisation_IsItsProfilesLanguage_SwedishByDefault()
    {
        Assert.Equal(Language.Swedish, CaseTexts.LanguageOf(Org));
        Assert.Equal(Language.English, CaseTexts.LanguageOf(Org with { Language = Language.English }));
        Assert.Equal(Language.Swedish, CaseTexts.LanguageOf(null));
    }
}
