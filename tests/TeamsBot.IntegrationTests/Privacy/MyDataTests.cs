using System.Net;
using System.Text.Json.Nodes;
using Trygg.EvidenceFiles;
using Trygg.Testing;

namespace Trygg.Privacy;

/// <summary>"Vilka uppgifter har ni om mig" through /api/messages: the member's own data, in their language, nobody else's.</summary>
public sealed class MyDataTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AMemberAsks_AndSeesTheirOwnReportsDraftTrainingAndLanguage_AndNothingOfAnotherMember()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var maja = host.Member("Maja Mittdata");
        await maja.SaveProfileAsync(phone: "070-123 45 67");
        var majasCase = await maja.ReportAsync("MYDATA-DESC-1 ett hot i kommentarerna");
        await maja.DraftToPreviewAsync("MYDATA-DESC-2 ett utkast");
        var other = host.Member("Otto Annansson");
        await other.SaveProfileAsync(party: "Moderaterna");
        var othersCase = await other.ReportAsync("OTHER-DESC-3 någon annans rapport");

        var card = await maja.SayAsync("Vilka uppgifter har ni om mig?");
        var text = AllText(card);

        Assert.Contains("Det här har Trygg om dig", text, StringComparison.Ordinal);
        Assert.Contains("Maja Mittdata", text, StringComparison.Ordinal);
        Assert.Contains("+46701234567", text, StringComparison.Ordinal); // as the profile stores it
        Assert.Contains(majasCase, text, StringComparison.Ordinal);
        Assert.Contains("Hot", text, StringComparison.Ordinal);
        Assert.Contains("Ett påbörjat utkast", text, StringComparison.Ordinal);
        Assert.Contains("Följer språket i din Teams", text, StringComparison.Ordinal);
        Assert.Contains("24 månader", text, StringComparison.Ordinal);
        Assert.Contains("Be Säkerhetsenheten i Alingsås kommun", text, StringComparison.Ordinal);

        // A summary, not the reports themselves; and nothing of the other member.
        Assert.DoesNotContain("MYDATA-DESC", text, StringComparison.Ordinal);
        Assert.DoesNotContain(othersCase, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Otto", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Moderaterna", text, StringComparison.Ordinal);
        Assert.DoesNotContain("OTHER-DESC", text, StringComparison.Ordinal);
    }

    /// <summary>A member who moved to another municipality still sees the reports they filed where they lived before.</summary>
    [Fact]
    public async Task AMemberWhoMoved_SeesTheReportsOfTheirFormerOrganisationToo()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var maja = host.Member("Maja Flyttad");
        await maja.SaveProfileAsync();
        var alingsasCase = await maja.ReportAsync("MYDATA-MOVED ett hot före flytten");
        await maja.MoveToAsync("goteborg");

        var text = AllText(await maja.SayAsync("Vilka uppgifter har ni om mig?"));

        Assert.Contains(alingsasCase, text, StringComparison.Ordinal);
        Assert.DoesNotContain("MYDATA-MOVED", text, StringComparison.Ordinal);
    }

    /// <summary>A member who moved sees the training record their former organisation still keeps, under its name.</summary>
    [Fact]
    public async Task AMemberWhoMoved_SeesTheTrainingTheirFormerOrganisationKeeps_UnderItsName()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var maja = host.Member("Maja Utbildad");
        await maja.SaveProfileAsync();
        var json = (await maja.SayAsync("min utbildning")).ToJsonString();
        var done = System.Text.RegularExpressions.Regex.Match(json, "\"verb\":\"training.done\",\"data\":(\\{[^}]*\\})");
        Assert.True(done.Success, json);
        using (var pressed = await host.App.PostActivityAsync(maja.Who.Execute("training.done", JsonNode.Parse(done.Groups[1].Value)!.AsObject())))
        {
            Assert.Contains("genomf", await pressed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await maja.MoveToAsync("goteborg");

        var text = AllText(await maja.SayAsync("Vilka uppgifter har ni om mig?"));

        Assert.Contains("· Alingsås kommun", text, StringComparison.Ordinal);
        Assert.Contains("Säkerhetsutbildning för förtroendevalda", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberWithAMessageAFileAndAPoliceNumber_SeesAllThreeUnderTheirReport_AndAnotherMemberSeesNone()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var maja = host.Member("Maja Mittdata");
        await maja.SaveProfileAsync();
        var majasCase = await maja.ReportAsync("MYDATA-DESC-4 ett hot i ett mejl");
        var other = host.Member("Otto Annansson");
        await other.SaveProfileAsync(party: "Moderaterna");
        var othersCase = await other.ReportAsync("OTHER-DESC-5 någon annans rapport");

        // The security unit writes to Maja, a file is kept with her report, and she records the police's number.
        var alex = new Activities(host.Connector.ServiceUrl) { UserAadObjectId = PrivacySteps.Alex };
        using var written = await host.App.PostActivityAsync(alex.Execute("cases.write", new JsonObject
        {
            ["case"] = majasCase, ["org"] = "alingsas", ["view"] = "person", ["message"] = "MYDATA-MSG Ring oss gärna.", ["msg"] = Guid.NewGuid().ToString("N"),
        }));
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        var letter = EvidenceSanitiser.Sanitise("Du ska akta dig."u8).File!;
        var saved = await host.App.Get<IEvidenceStore>().SaveAsync(
            new EvidenceCase(Activities.TenantId, "alingsas", majasCase), "0123456789abcdef", "hotbrev.txt", letter, 1024 * 1024, default);
        Assert.Equal(EvidenceSaved.Saved, saved);
        await maja.ExecuteAsync("police.reported", new JsonObject { ["case"] = majasCase, ["policeNumber"] = "5000-K246810-26" });

        var mine = AllText(await maja.SayAsync("Vilka uppgifter har ni om mig?"));

        Assert.Contains($"Rapport {majasCase}", mine, StringComparison.Ordinal);
        Assert.Contains("1 st., skickade 20", mine, StringComparison.Ordinal);
        Assert.Contains("hotbrev.txt · TXT · 16 B · 20", mine, StringComparison.Ordinal);
        Assert.Contains("Gjord av dig · polisens diarienummer 5000-K246810-26, som du lämnade", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("MYDATA-MSG", mine, StringComparison.Ordinal); // the texts are read in the thread under "mina rapporter"

        var others = AllText(await other.SayAsync("Vilka uppgifter har ni om mig?"));
        Assert.Contains(othersCase, others, StringComparison.Ordinal);
        Assert.DoesNotContain(majasCase, others, StringComparison.Ordinal);
        Assert.DoesNotContain($"Rapport {othersCase}", others, StringComparison.Ordinal);
        Assert.DoesNotContain("hotbrev", others, StringComparison.Ordinal);
        Assert.DoesNotContain("5000-K246810-26", others, StringComparison.Ordinal);
        Assert.DoesNotContain("Meddelanden", others, StringComparison.Ordinal);
    }

    /// <summary>Every string in the card (texts, fact titles and values, data), unescaped.</summary>
    private static string AllText(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => string.Join('\n', o.Select(p => AllText(p.Value))),
        System.Text.Json.Nodes.JsonArray a => string.Join('\n', a.Select(AllText)),
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => string.Empty,
    };

    [Fact]
    public async Task InEnglish_TheCardIsEnglish()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var member = host.Member("Eve English", locale: "en-US");
        await member.SaveProfileAsync();

        var text = CardJson.TextOf(await member.SayAsync("what data do you have about me"));

        Assert.Contains("What Trygg holds about you", text, StringComparison.Ordinal);
        Assert.Contains("You have not sent any reports.", text, StringComparison.Ordinal);
        Assert.Contains("Ask Säkerhetsenheten at Alingsås kommun", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskedInAChannel_ItShowsNothing_AndContinuesInTheOwnChat()
    {
        await using var host = await PrivacySteps.StartAsync(azurite);
        var member = host.Member("Kanal Karlsson");
        await member.SaveProfileAsync();

        var reply = await host.SayInChannelAsync("vilka uppgifter har ni om mig");

        Assert.Equal(Trygg.Conversation.Handover.HandoverTexts.Swedish.InGroup, (string?)reply["text"]);
        Assert.Null(CardJson.CardOf(reply));
    }
}
