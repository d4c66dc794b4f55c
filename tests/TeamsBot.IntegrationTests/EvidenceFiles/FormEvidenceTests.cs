using Microsoft.Extensions.DependencyInjection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Trygg.Cases;
using Trygg.Fuzz;
using Trygg.Privacy;
using Trygg.Teams.Wire;
using Trygg.Testing;
using Trygg.Testing.Cases;
using static Trygg.EvidenceFiles.EvidenceSteps;

namespace Trygg.EvidenceFiles;

/// <summary>
/// The report form's file step through /api/messages on Azurite's blob and table services: files sent after "Vad
/// hände?" are kept under the draft, go with the case when it is sent (once, whatever restarts or double clicks
/// happen), and leave nothing behind when the draft is cancelled, abandoned or its member erased.
/// </summary>
public sealed class FormEvidenceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Kept = "Den skickas med din rapport.";

    private static readonly byte[] Letter = Encoding.UTF8.GetBytes("Vi vet var du bor.\n");

    [Fact]
    public async Task SentFiles_AtTheFileStep_GoWithTheSentReport_AndStaffSeeThemOnTheCase()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, draft) = await AtTheFileStepAsync(bot, "Ella Evidensson");

        var answers = await bot.SendFilesAsync(ella.Who, 3,
            Pasted(bot.Connector.ServeFile(PhotoWithGps())), Attached("hotbrev.txt", bot.Connector.ServeFile(Letter)));

        Assert.Equal($"Sparat: image. {Kept}", answers[0]);
        Assert.Equal($"Sparat: hotbrev.txt. {Kept}", answers[1]);
        Assert.Contains("2 filer bifogade", answers[2], StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Klart\"", answers[2], StringComparison.Ordinal);
        Assert.Contains(ReportingVerbsFilesDone, answers[2], StringComparison.Ordinal);
        Assert.All(await bot.EvidenceBlobsAsync(), b => Assert.StartsWith("~drafts/", b.Name, StringComparison.Ordinal));

        var preview = await ContinueToPreviewAsync(ella, draft);
        Assert.Contains("{\"title\":\"Filer\",\"value\":\"2 filer bifogade\"}", preview.ToJsonString(), StringComparison.Ordinal);
        var receipt = CardJson.TextOf(await ella.ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }));
        var caseNumber = MemberScript.CaseNumberOf(receipt)!;

        Assert.Contains("2 filer bifogade", receipt, StringComparison.Ordinal);
        var blobs = await bot.EvidenceBlobsAsync();
        Assert.Equal(2, blobs.Count);
        Assert.All(blobs, b => Assert.StartsWith($"{Uri.EscapeDataString(Activities.TenantId)}/alingsas/{caseNumber}/", b.Name, StringComparison.Ordinal));
        var image = Assert.Single(blobs, b => b.Properties.ContentType == "image/jpeg");
        var stored = (await bot.EvidenceContainer.GetBlobClient(image.Name).DownloadContentAsync()).Value.Content.ToArray();
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(stored));
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<ExifDirectoryBase>());
        Assert.DoesNotContain(Camera, Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
        var staff = new Activities(bot.Connector.ServiceUrl) { UserAadObjectId = TestOrganisations.Alex };
        using var response = await bot.App.PostActivityAsync(staff.Execute(
            CaseVerbs.Details, new JsonObject { ["case"] = caseNumber, ["org"] = "alingsas", ["view"] = "person" }));
        var details = CardJson.TextOf(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!);
        Assert.Contains("Bevis från anmälaren (2)", details, StringComparison.Ordinal);
        Assert.Contains("hotbrev.txt", details, StringComparison.Ordinal);
        Assert.Contains("image.jpg", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SentFiles_ARefusedTypeAtTheFileStep_GetsTheReason_AndTheReportGoesOnWithoutIt()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, draft) = await AtTheFileStepAsync(bot, "Ella Evidensson");
        var zip = bot.Connector.ServeFile([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);

        var answers = await bot.SendFilesAsync(ella.Who, 2, Attached("bevis.zip", zip));

        Assert.StartsWith("Inte sparat: bevis.zip. Den sortens fil kan vi inte ta emot.", answers[0], StringComparison.Ordinal);
        Assert.DoesNotContain("bifogad", answers[1], StringComparison.Ordinal);
        Assert.Contains("Hoppa över", CardJson.TextOf(CardJson.CardOf(JsonNode.Parse(answers[1])!)), StringComparison.Ordinal);
        Assert.Empty(await bot.EvidenceBlobsAsync());

        // The draft is whole: on through the form, and the report is sent with what was typed and no file.
        var preview = CardJson.TextOf(await ContinueToPreviewAsync(ella, draft));
        Assert.Contains("FORM-EVIDENCE", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("bifogad", preview, StringComparison.Ordinal);

        // Past the file step, a file is answered as before: not kept, and how to add it.
        var late = await bot.SendFilesAsync(ella.Who, 1, Attached("brev.txt", bot.Connector.ServeFile(Letter)));
        Assert.StartsWith("Filen är inte sparad. Vill du spara den som bevis?", late[0], StringComparison.Ordinal);

        var receipt = CardJson.TextOf(await ella.ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }));
        Assert.NotNull(MemberScript.CaseNumberOf(receipt));
        Assert.DoesNotContain("bifogad", receipt, StringComparison.Ordinal);
        Assert.Empty(await bot.EvidenceBlobsAsync());
    }

    [Fact]
    public async Task SentFiles_ARefusedTypeFromAnEnglishMember_GetsTheReasonInEnglish_AndAKeptOneIsNamedInEnglish()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (emma, _) = await AtTheFileStepAsync(bot, "Emma English", english: true);
        var zip = bot.Connector.ServeFile([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);

        var answers = await bot.SendFilesAsync(emma.Who, 3, Attached("evidence.zip", zip), Attached("letter.txt", bot.Connector.ServeFile(Letter)));

        Assert.StartsWith("Not saved: evidence.zip. We cannot accept that kind of file.", answers[0], StringComparison.Ordinal);
        Assert.Equal("Kept: letter.txt. It will go with your report.", answers[1]);
        Assert.Contains("1 file attached", answers[2], StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Done\"", answers[2], StringComparison.Ordinal);
        Assert.Single(await bot.EvidenceBlobsAsync());
    }

    [Fact]
    public async Task SendAsync_ARestartBetweenTheFileAndSending_TheFileIsOnTheCase()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, draft) = await AtTheFileStepAsync(bot, "Ella Evidensson");
        await bot.SendFilesAsync(ella.Who, 2, Attached("hotbrev.txt", bot.Connector.ServeFile(Letter)));

        bot.Restart();
        var again = new MemberScript(bot.App, bot.Connector, ella.Who);
        var preview = (await ContinueToPreviewAsync(again, draft)).ToJsonString();
        var receipt = CardJson.TextOf(await again.ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }));

        Assert.Contains("1 fil bifogad", preview, StringComparison.Ordinal);
        Assert.Contains("1 fil bifogad", receipt, StringComparison.Ordinal);
        var caseNumber = MemberScript.CaseNumberOf(receipt)!;
        var kept = Assert.Single(await bot.App.Get<IEvidenceStore>().ListAsync(new EvidenceCase(Activities.TenantId, "alingsas", caseNumber), default));
        Assert.Equal("hotbrev.txt", kept.Name);
        Assert.Single(await bot.EvidenceBlobsAsync());
    }

    [Fact]
    public async Task SendAsync_DoubleClickedAndClickedAgain_OneCaseWithTheFileOnce()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, draft) = await AtTheFileStepAsync(bot, "Ella Evidensson");
        await bot.SendFilesAsync(ella.Who, 2, Attached("hotbrev.txt", bot.Connector.ServeFile(Letter)));
        await ContinueToPreviewAsync(ella, draft);

        JsonObject Send() => new() { ["draft"] = draft };
        var both = await Task.WhenAll(ella.ExecuteAsync("reporting.send", Send()), ella.ExecuteAsync("reporting.send", Send()));
        var later = await ella.ExecuteAsync("reporting.send", Send());

        var numbers = both.Append(later).Select(r => MemberScript.CaseNumberOf(CardJson.TextOf(r))).Distinct().ToList();
        var caseNumber = Assert.Single(numbers);
        var incident = Assert.Single(await bot.App.Get<IIncidentStore>().ListForReporterAsync(Activities.TenantId, "alingsas", ella.Who.UserAadObjectId, default));
        Assert.Equal(caseNumber, incident.CaseNumber);
        var blob = Assert.Single(await bot.EvidenceBlobsAsync());
        Assert.StartsWith($"{Uri.EscapeDataString(Activities.TenantId)}/alingsas/{caseNumber}/", blob.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAsync_AfterASendThatFailedMovingTheFiles_KeepsTheFilesWithTheCase_AndSaysItWasSent()
    {
        var attach = new FailingFirstAttach();
        await using var bot = await TryggBot.StartAsync(azurite, new TryggBotOptions
        {
            Services = s => s.AddSingleton<Reporting.IDraftFiles>(sp => attach.Around(sp.GetRequiredService<DraftEvidence>())),
        });
        var (ella, draft) = await AtTheFileStepAsync(bot, "Ella Evidensson");
        await bot.SendFilesAsync(ella.Who, 2, Attached("hotbrev.txt", bot.Connector.ServeFile(Letter)));
        await ContinueToPreviewAsync(ella, draft);

        // The case is stored, then moving its file fails: the member is asked to try again and presses "Avbryt" instead.
        var failed = await (await bot.PostAsync(ella.Who.Execute("reporting.send", new JsonObject { ["draft"] = draft }))).Content.ReadAsStringAsync();
        Assert.Contains("TryAgain", failed, StringComparison.Ordinal);
        var cancelled = CardJson.TextOf(await ella.ExecuteAsync("reporting.cancel", new JsonObject { ["draft"] = draft }));

        Assert.Contains("Den här rapporten är redan skickad", cancelled, StringComparison.Ordinal);
        Assert.DoesNotContain("Inget har skickats", cancelled, StringComparison.Ordinal);
        var incident = Assert.Single(await bot.App.Get<IIncidentStore>().ListForReporterAsync(Activities.TenantId, "alingsas", ella.Who.UserAadObjectId, default));
        var kept = Assert.Single(await bot.App.Get<IEvidenceStore>().ListAsync(new EvidenceCase(Activities.TenantId, "alingsas", incident.CaseNumber), default));
        Assert.Equal("hotbrev.txt", kept.Name);
    }

    /// <summary>The real draft files, whose first move to a case fails as storage sometimes does.</summary>
    private sealed class FailingFirstAttach
    {
        private int _attaches;

        public Reporting.IDraftFiles Around(Reporting.IDraftFiles inner) => new Wrapped(inner, this);

        private sealed class Wrapped(Reporting.IDraftFiles inner, FailingFirstAttach owner) : Reporting.IDraftFiles
        {
            public Task<int> CountAsync(Reporting.DraftFiles draft, CancellationToken cancellationToken) => inner.CountAsync(draft, cancellationToken);

            public Task<int> AttachAsync(Reporting.DraftFiles draft, string organisationId, string caseNumber, CancellationToken cancellationToken) =>
                Interlocked.Increment(ref owner._attaches) == 1
                    ? throw new IOException("storage unavailable")
                    : inner.AttachAsync(draft, organisationId, caseNumber, cancellationToken);

            public Task DiscardAsync(Reporting.DraftFiles draft, CancellationToken cancellationToken) => inner.DiscardAsync(draft, cancellationToken);
        }
    }

    [Fact]
    public async Task CancelAsync_ADraftWithFiles_LeavesNoBlob()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, draft) = await AtTheFileStepAsync(bot, "Ella Evidensson");
        await bot.SendFilesAsync(ella.Who, 2, Attached("hotbrev.txt", bot.Connector.ServeFile(Letter)));
        Assert.Single(await bot.EvidenceBlobsAsync());

        var cancelled = await ella.ExecuteAsync("reporting.cancel", new JsonObject { ["draft"] = draft });

        Assert.Contains("Rapporten är borttagen.", CardJson.TextOf(cancelled), StringComparison.Ordinal);
        Assert.Empty(await bot.EvidenceBlobsAsync());
    }

    [Fact]
    public async Task RetentionApply_ADraftAbandonedWithFiles_ItsFilesGo_AndARecentDraftsStay()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await TryggBot.StartAsync(azurite, new TryggBotOptions { Time = time });
        var (ella, _) = await AtTheFileStepAsync(bot, "Ella Evidensson");
        await bot.SendFilesAsync(ella.Who, 2, Attached("hotbrev.txt", bot.Connector.ServeFile(Letter)));

        // Alingsås keeps drafts 7 days; Kalle's files come on the eighth.
        time.Advance(TimeSpan.FromDays(8));
        var (kalle, _) = await AtTheFileStepAsync(bot, "Kalle Kvarsson");
        await bot.SendFilesAsync(kalle.Who, 2, Attached("brev.txt", bot.Connector.ServeFile(Letter)));
        Assert.Equal(2, (await bot.EvidenceBlobsAsync()).Count);

        await bot.App.Get<RetentionJob>().ApplyAsync(time.GetUtcNow(), default);

        var left = Assert.Single(await bot.EvidenceBlobsAsync());
        Assert.StartsWith(DraftEvidence.MemberPrefix(Activities.TenantId, kalle.Who.UserAadObjectId), left.Name, StringComparison.Ordinal);
    }

    /// <summary>Sending files is working on the report: a member who sends one every few days keeps the draft past its week.</summary>
    [Fact]
    public async Task SentFiles_EveryFewDaysForLongerThanADraftLives_KeepTheDraftAlive_AndAllGoWithTheReport()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await TryggBot.StartAsync(azurite, new TryggBotOptions { Time = time });
        var (ella, draft) = await AtTheFileStepAsync(bot, "Ella Evidensson");
        await bot.SendFilesAsync(ella.Who, 2, Attached("hotbrev.txt", bot.Connector.ServeFile(Letter)));

        // A draft lives seven days from its last change; files on the fifth and the tenth day, sent on the fourteenth.
        time.Advance(TimeSpan.FromDays(5));
        await bot.SendFilesAsync(ella.Who, 2, Attached("andra.txt", bot.Connector.ServeFile(Letter)));
        time.Advance(TimeSpan.FromDays(5));
        var third = await bot.SendFilesAsync(ella.Who, 2, Attached("tredje.txt", bot.Connector.ServeFile(Letter)));
        Assert.Equal($"Sparat: tredje.txt. {Kept}", third[0]);
        time.Advance(TimeSpan.FromDays(4));
        await bot.App.Get<RetentionJob>().ApplyAsync(time.GetUtcNow(), default);

        await ContinueToPreviewAsync(ella, draft);
        var receipt = CardJson.TextOf(await ella.ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }));
        Assert.NotNull(MemberScript.CaseNumberOf(receipt));
        Assert.Contains("3 filer bifogade", receipt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetentionApply_ADraftStillInUseWithFilesOlderThanADraftMayGet_KeepsThem()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await TryggBot.StartAsync(azurite, new TryggBotOptions { Time = time });
        var (ella, draft) = await AtTheFileStepAsync(bot, "Ella Evidensson");
        await bot.SendFilesAsync(ella.Who, 2, Attached("hotbrev.txt", bot.Connector.ServeFile(Letter)));

        // She goes on after six days, and is still at it on the eighth: her file is older than a draft may get, her draft is not.
        time.Advance(TimeSpan.FromDays(6));
        await ContinueToPreviewAsync(ella, draft);
        time.Advance(TimeSpan.FromDays(2));
        await bot.App.Get<RetentionJob>().ApplyAsync(time.GetUtcNow(), default);

        Assert.Single(await bot.EvidenceBlobsAsync());
        var receipt = CardJson.TextOf(await ella.ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }));
        Assert.Contains("1 fil bifogad", receipt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseAsync_AMemberWithFilesInTheForm_DeletesThem_AndKeepsAnothersDraftFiles()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, _) = await AtTheFileStepAsync(bot, "Ella Evidensson");
        var (kalle, kalleDraft) = await AtTheFileStepAsync(bot, "Kalle Kvarsson");
        await bot.SendFilesAsync(ella.Who, 2, Attached("hotbrev.txt", bot.Connector.ServeFile(Letter)));
        await bot.SendFilesAsync(kalle.Who, 2, Attached("brev.txt", bot.Connector.ServeFile(Letter)));
        var reservations = await bot.App.Get<Trygg.Storage.ITables>().GetAsync(EvidenceReservations.TableName, default);
        Assert.Equal(2, (await reservations.StartingWithAsync(DraftsPartition, string.Empty)).Count);

        await bot.App.Get<MemberErasure>().EraseAsync(Activities.TenantId, "alingsas", ella.Who.UserAadObjectId, formerMember: false, default);

        var left = Assert.Single(await bot.EvidenceBlobsAsync());
        Assert.StartsWith(DraftEvidence.MemberPrefix(Activities.TenantId, kalle.Who.UserAadObjectId), left.Name, StringComparison.Ordinal);
        // The size reservations' row key names the member's draft: only Kalle's is left.
        var row = Assert.Single(await reservations.StartingWithAsync(DraftsPartition, string.Empty));
        var kallePlace = DraftEvidence.PlaceOf(new Trygg.Reporting.DraftFiles(Activities.TenantId, kalle.Who.UserAadObjectId, kalleDraft));
        Assert.Equal(Trygg.Storage.TableKeys.From(kallePlace.CaseNumber), row.RowKey);
    }

    [Fact]
    public async Task SentFiles_WithWordsOfDangerAtTheFileStep_112ComesFirst_NothingIsKept_AndTheDraftStillWaits()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, draft) = await AtTheFileStepAsync(bot, "Ella Evidensson");

        var answers = await bot.SendFilesAsync(ella.Who, 2, "han står utanför dörren nu", Attached("hot.txt", bot.Connector.ServeFile(Letter)));

        Assert.Contains("tel:112", answers[0], StringComparison.Ordinal);
        Assert.Equal("Filen är inte sparad. Skicka den igen när du är i säkerhet.", answers[1]);
        Assert.Empty(await bot.EvidenceBlobsAsync());
        var again = await bot.SendFilesAsync(ella.Who, 2, Attached("hot.txt", bot.Connector.ServeFile(Letter)));
        Assert.Equal($"Sparat: hot.txt. {Kept}", again[0]);
        Assert.Contains(draft, again[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesDone_FromTheFileCardAfterTheReportWasSent_DoesNotReopenTheSentReport()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, draft) = await AtTheFileStepAsync(bot, "Ella Evidensson");
        await ContinueToPreviewAsync(ella, draft);
        var first = MemberScript.CaseNumberOf(CardJson.TextOf(await ella.ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft })));
        Assert.NotNull(first);

        // The file card stays further up the chat; its "Klart" must not turn the sent report back into a form whose
        // submission id is the sent case's.
        var stale = CardJson.TextOf(await ella.ExecuteAsync("reporting.files", new JsonObject { ["draft"] = draft }));
        Assert.Contains("Den här rapporten är redan skickad.", stale, StringComparison.Ordinal);
        Assert.DoesNotContain("Lite mer om händelsen", stale, StringComparison.Ordinal);
        Assert.DoesNotContain("Vad hände?", stale, StringComparison.Ordinal);
        var next = CardJson.TextOf(await ella.ExecuteAsync("reporting.next", MemberScript.StepOne(draft, "EN ANDRA HÄNDELSE")));
        Assert.DoesNotContain("Har du skärmbilder eller filer?", next, StringComparison.Ordinal);

        // Sending again still shows the first receipt, and nothing of the second text reached any case.
        var receipt = CardJson.TextOf(await ella.ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }));
        Assert.Equal(first, MemberScript.CaseNumberOf(receipt));
    }

    private static string DraftsPartition => Trygg.Storage.TableKeys.Compose(DraftEvidence.Area, Activities.TenantId);

    private const string ReportingVerbsFilesDone = "\"verb\":\"" + Reporting.ReportingVerbs.FilesDone + "\"";

    /// <summary>
    /// A member with a profile, through "Vad hände?" to the file step; returns them and the draft id. An English member
    /// (Teams in English, writing in English) gets the form in English.
    /// </summary>
    private static async Task<(MemberScript Member, string Draft)> AtTheFileStepAsync(TryggBot bot, string name, bool english = false)
    {
        var who = new Activities(bot.Connector.ServiceUrl) { Locale = english ? "en-US" : "sv-SE" };
        bot.Connector.AddMember(new TeamsChannelAccount { Id = who.UserId, AadObjectId = who.UserAadObjectId, Name = name });
        var member = new MemberScript(bot.App, bot.Connector, who);
        await member.SaveProfileAsync();
        var draft = MemberScript.DraftOf(await member.SayAsync(english ? "I have been threatened" : "jag har blivit hotad"));
        await member.ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        var step = await member.ExecuteAsync("reporting.next", MemberScript.StepOne(draft, "FORM-EVIDENCE han skickade bilder på mitt hus"));
        Assert.Contains(english ? "Do you have screenshots or files?" : "Har du skärmbilder eller filer?", CardJson.TextOf(step), StringComparison.Ordinal);
        return (member, draft);
    }

    /// <summary>"Hoppa över" or "Klart" on the file step (one verb), the second part of the form; returns the preview.</summary>
    private static async Task<JsonNode> ContinueToPreviewAsync(MemberScript member, string draft)
    {
        var more = await member.ExecuteAsync("reporting.files", new JsonObject { ["draft"] = draft });
        Assert.Contains("Lite mer om händelsen", CardJson.TextOf(more), StringComparison.Ordinal);
        return await member.ExecuteAsync("reporting.preview", MemberScript.StepTwo(draft));
    }
}
