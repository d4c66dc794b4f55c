using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Trygg.Cases;
using Trygg.Fuzz;
using Trygg.Reporting;
using Trygg.Testing;

namespace Trygg.Privacy;

/// <summary>
/// The daily retention job on a fake clock with the real tables: a report made through /api/messages is anonymised once
/// its retention has passed, the annual review still counts it by kind, month and body while its text is gone
/// everywhere, and of two instances exactly one does the day.
/// </summary>
public sealed class RetentionJobTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Description = "RETAINED-DESC-7c1 han skrev att han vet var min dotter bor";
    private const string Platform = "RetainedPlatformQx";
    private const string Name = "Rut Retentionsson";

    private static readonly string[] Secrets = [Description, "RETAINED-DESC-7c1", "min dotter", Platform, Name, "Retentionsson"];

    [Fact]
    public async Task AReportPastRetention_IsAnonymised_AndTheReviewStillCountsItByKindMonthAndBody()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await PrivacySteps.StartAsync(azurite, time, new LogCapture());
        var member = host.Member(Name);
        await member.SaveProfileAsync(phone: "070-111 22 33");
        var caseNumber = await member.ReportAsync(Description, Platform);
        var occurred = DateOnly.ParseExact(MemberScript.Yesterday, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var job = host.App.Get<RetentionJob>();

        // Within retention: the day's run changes nothing.
        var early = await job.RunOnceAsync(default);
        Assert.True(early.Ran);
        Assert.Equal(0, early.IncidentsAnonymised);
        var before = await host.DumpAsync("incidents");
        Assert.Contains(Description, before, StringComparison.Ordinal);
        Assert.Contains("ReporterParty", before, StringComparison.Ordinal);

        // 24 months after the case's month, plus that month: past retention.
        time.Advance(TimeSpan.FromDays(26 * 31));
        var run = await job.RunOnceAsync(default);

        Assert.True(run.Ran);
        Assert.Equal(1, run.IncidentsAnonymised);
        var incidents = await host.DumpAsync("incidents");
        Assert.All(Secrets, s => Assert.DoesNotContain(s, incidents, StringComparison.Ordinal));
        Assert.DoesNotContain(member.Who.UserAadObjectId, incidents, StringComparison.Ordinal);
        Assert.DoesNotContain(member.Who.ConversationId, incidents, StringComparison.Ordinal);
        Assert.DoesNotContain("audit|", incidents, StringComparison.Ordinal);
        Assert.DoesNotContain("outbox|", incidents, StringComparison.Ordinal);

        var stored = await host.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.NotNull(stored);
        Assert.Equal(IncidentKind.Threat, stored.Details.Kind);
        Assert.Equal("ks", stored.Details.Assignment);
        Assert.Equal(Anonymiser.ReporterId, stored.ReporterId);
        Assert.Null(stored.Reporter); // the role and party snapshot taken at submit goes too (see docs/data.md)
        Assert.DoesNotContain("ReporterParty", incidents, StringComparison.Ordinal);
        Assert.Empty(await host.App.Get<IIncidentStore>().ListForReporterAsync(Activities.TenantId, "alingsas", member.Who.UserAadObjectId, default));

        // The review counts it: its anonymised row (month, kind, place, body) is in the review's CSV.
        var card = await host.SayInChannelAsync($"årsrapport {occurred.Year}");
        var csv = await host.AcceptOfferedFileAsync(new Activities(host.Connector.ServiceUrl) { UserAadObjectId = PrivacySteps.Alex }, ".csv");
        Assert.Contains($"\r\n{occurred:yyyy-MM},Threat,Online,ExecutiveBoard,", csv, StringComparison.Ordinal);
        Assert.Equal("<3", (string?)card["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]![0]!["value"]);

        // The case's buttons on old cards no longer open anything.
        var pressed = await host.PressInChannelAsync("cases.details", new JsonObject { ["org"] = "alingsas", ["case"] = caseNumber });
        Assert.DoesNotContain(Description, pressed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)pressed["type"]);

        // Nothing the member wrote reached the logs on the way.
        Assert.All(Secrets, s => Assert.DoesNotContain(s, host.LogText, StringComparison.Ordinal));
        Assert.Contains(host.Logs!.Entries, e => e.Message.Contains("anonymised", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReportPastRetention_EveryPostedCardBecomesTheErasedCard_AndItsPlaceIsForgotten()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await PrivacySteps.StartAsync(azurite, time);
        var member = host.Member(Name);
        await member.SaveProfileAsync();
        var caseNumber = await member.ReportAsync(Description, Platform);
        await host.DeliverAllAsync();
        var posted = await host.PostedCardsAsync(caseNumber);
        Assert.NotEmpty(posted);
        Assert.All(posted, p => Assert.Contains(caseNumber, host.Connector.GetActivity(p.ConversationId, p.ActivityId)!.ToJsonString(), StringComparison.Ordinal));

        time.Advance(TimeSpan.FromDays(26 * 31));
        Assert.Equal(1, (await host.App.Get<RetentionJob>().RunOnceAsync(default)).IncidentsAnonymised);
        await host.DeliverAllAsync();

        host.AssertErasedCards(posted, caseNumber, Secrets);

        var reminders = await host.DumpAsync("reminders");
        Assert.DoesNotContain("State=Pending", reminders, StringComparison.Ordinal);
        Assert.All(posted, p => Assert.DoesNotContain(p.ActivityId, reminders, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoInstances_DoTheDayOnce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await PrivacySteps.StartAsync(azurite, time);
        var second = host.StartInstance();
        var member = host.Member("Tova Tvåsson");
        await member.SaveProfileAsync();
        var first = await member.ReportAsync("TWICE-DESC-11 ett hotfullt brev");
        var other = await member.ReportAsync("TWICE-DESC-22 ett till");
        time.Advance(TimeSpan.FromDays(26 * 31));

        var runs = await Task.WhenAll(
            host.App.Get<RetentionJob>().RunOnceAsync(default),
            second.Get<RetentionJob>().RunOnceAsync(default));

        Assert.Single(runs, r => r.Ran);
        Assert.Equal(2, runs.Sum(r => r.IncidentsAnonymised));
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), RetentionPolicy.Stockholm).DateTime);
        var claim = await host.App.Get<TablePrivacyLog>().DayAsync(day, default);
        var winner = runs[0].Ran ? host.App.Get<RetentionJob>() : second.Get<RetentionJob>();
        Assert.Equal(winner.InstanceId, claim!.Value.Owner);
        Assert.NotNull(claim.Value.CompletedAt);
        Assert.DoesNotContain("TWICE-DESC", await host.DumpAsync("incidents"), StringComparison.Ordinal);

        // The same day again: nobody runs; the next day one does, and finds nothing left.
        Assert.False((await second.Get<RetentionJob>().RunOnceAsync(default)).Ran);
        time.Advance(TimeSpan.FromDays(1));
        var next = await second.Get<RetentionJob>().RunOnceAsync(default);
        Assert.True(next.Ran);
        Assert.Equal(0, next.IncidentsAnonymised);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task ADraftPastItsDays_IsDeleted_AndTheMemberStartsAfresh()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await PrivacySteps.StartAsync(azurite, time);
        var member = host.Member("Dagny Draftsdotter");
        await member.SaveProfileAsync();
        await member.DraftToPreviewAsync("DRAFT-DESC-3f ett utkast som aldrig skickades");
        Assert.Contains("DRAFT-DESC-3f", await host.DumpAsync("state"), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, (await host.App.Get<RetentionJob>().ApplyAsync(time.GetUtcNow(), default)).DraftsDeleted);

        time.Advance(TimeSpan.FromDays(1));
        var run = await host.App.Get<RetentionJob>().ApplyAsync(time.GetUtcNow(), default);

        Assert.Equal(1, run.DraftsDeleted);
        Assert.DoesNotContain("DRAFT-DESC-3f", await host.DumpAsync("state"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGuidanceCandidatePastRetention_IsDeleted_LikeAnUnansweredQuestion_AndApprovedPairsStay()
    {
        const string Candidate = "CANDIDATE-Q-5d får kommunen betala mitt hemlarm";
        const string Approved = "APPROVED-Q-5d hur förbereder jag mig på hotfulla situationer";
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await PrivacySteps.StartAsync(azurite, time);
        var passage = host.App.Get<Trygg.Guidance.GuidanceIndex>().Passages[0];
        var store = host.App.Get<Trygg.Guidance.Learning.ILearnedPairStore>();
        await store.RecordAsync("alingsas", Candidate, passage.Id, time.GetUtcNow(), default);
        await store.DecideAsync("alingsas", Approved, passage.Id, Trygg.Guidance.Learning.PairState.Approved, time.GetUtcNow(), default);

        Assert.Equal(0, (await host.App.Get<RetentionJob>().ApplyAsync(time.GetUtcNow(), default)).CandidatesDeleted);
        Assert.Contains("CANDIDATE-Q-5d", await host.DumpAsync("guidancelearning"), StringComparison.Ordinal);

        // Past the organisation's retention for incidents and unanswered questions (24 months after the month, plus that month).
        time.Advance(TimeSpan.FromDays(26 * 31));
        var run = await host.App.Get<RetentionJob>().ApplyAsync(time.GetUtcNow(), default);

        Assert.Equal(1, run.CandidatesDeleted);
        var left = await host.DumpAsync("guidancelearning");
        Assert.DoesNotContain("CANDIDATE-Q-5d", left, StringComparison.Ordinal);
        Assert.Contains("APPROVED-Q-5d", left, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGuidanceNoteNeverUsed_IsDeletedOnceItCanNoLongerCount_AndAFreshOneStays()
    {
        const string Question = "NOTE-Q-7e vem ringer jag om nån står utanför";
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await PrivacySteps.StartAsync(azurite, time);
        var state = host.App.Get<Trygg.Conversation.State.IConversationStateStore>();
        var key = new Trygg.Conversation.State.StateKey(Activities.TenantId, "a:note-chat", "29:note-member", Trygg.Guidance.Browse.AfterNo.Slot);
        await state.UpdateAsync<Trygg.Guidance.Browse.AfterNo>(key, _ => new(Question, string.Empty, time.GetUtcNow()), default);

        Assert.Equal(0, (await host.App.Get<RetentionJob>().ApplyAsync(time.GetUtcNow(), default)).NotesDeleted);
        Assert.Contains("NOTE-Q-7e", await host.DumpAsync("state"), StringComparison.Ordinal);

        time.Advance(Trygg.Guidance.Browse.AfterNo.Window + TimeSpan.FromMinutes(1));
        var run = await host.App.Get<RetentionJob>().ApplyAsync(time.GetUtcNow(), default);

        Assert.Equal(1, run.NotesDeleted);
        Assert.DoesNotContain("NOTE-Q-7e", await host.DumpAsync("state"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithPersonalDataNobodyTook_IsDeletedOnceExpired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await PrivacySteps.StartAsync(azurite, time);
        var files = host.App.Get<Trygg.Storage.Documents.IPrivateFiles>();
        var list = new Trygg.Storage.Documents.PrivateFile(
            Activities.TenantId, "alingsas", PrivacySteps.Alex, "utbildning.csv", "text/csv", "Nils Namnsson,ja"u8.ToArray(), time.GetUtcNow().AddDays(1));
        await files.KeepAsync(list, default);

        Assert.Equal(0, (await host.App.Get<RetentionJob>().ApplyAsync(time.GetUtcNow(), default)).DocumentsDeleted);
        Assert.Contains(PrivacySteps.Alex, await host.DumpAsync("privatefiles"), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromDays(2));
        var run = await host.App.Get<RetentionJob>().ApplyAsync(time.GetUtcNow(), default);

        Assert.Equal(1, run.DocumentsDeleted);
        Assert.DoesNotContain(PrivacySteps.Alex, await host.DumpAsync("privatefiles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InTheBackground_TheJobRunsOnItsOwn()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await PrivacySteps.StartAsync(azurite, time);
        var member = host.Member("Bo Bakgrund");
        await member.SaveProfileAsync();
        await member.ReportAsync("BACKGROUND-DESC-9 ett samtal mitt i natten");
        time.Advance(TimeSpan.FromDays(26 * 31));

        host.StartInstance(new Dictionary<string, string?> { ["Privacy:RunInBackground"] = "true" });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await host.DumpAsync("incidents")).Contains("BACKGROUND-DESC-9", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "The background job did not anonymise the report within 20 s.");
            await Task.Delay(100);
        }
    }
}
