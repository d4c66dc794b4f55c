using System.Globalization;
using Microsoft.Extensions.Options;
using Trygg.Hosting;
using Trygg.Guidance.Learning;
using Trygg.Storage.Documents;
using Trygg.Organisations;

namespace Trygg.Privacy;

/// <summary>What one call of <see cref="RetentionJob.RunOnceAsync"/> did.</summary>
/// <param name="Ran">False when it was too early in the day or another instance had the day.</param>
public sealed record RetentionRun(
    bool Ran,
    int IncidentsAnonymised = 0,
    int DraftsDeleted = 0,
    int NoticesDeleted = 0,
    int FeedbackDeleted = 0,
    int DocumentsDeleted = 0,
    int IncidentsWithoutProfile = 0,
    int CandidatesDeleted = 0,
    int NotesDeleted = 0)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"incidents anonymised {IncidentsAnonymised}, drafts deleted {DraftsDeleted}, notices deleted {NoticesDeleted}, feedback deleted {FeedbackDeleted}, guidance candidates deleted {CandidatesDeleted}, guidance notes deleted {NotesDeleted}, documents deleted {DocumentsDeleted}, incidents of unknown organisations kept {IncidentsWithoutProfile}");
}

/// <summary>
/// Once a day (from <see cref="PrivacyOptions.RunAt"/>, Stockholm time) anonymises what is past its organisation's
/// retention and deletes what has no further use: incidents with their case files and trails, report drafts, meeting
/// notices, old guidance feedback and guidance candidates (members' questions), expired shared documents and expired files nobody took. The day is claimed in the <c>privacy</c> table first, so
/// of two (or ten) instances exactly one does it; a crashed claimant's lease runs out and another finishes the day. Each
/// step is idempotent, so a day done twice (a lease that ran out mid-run) changes nothing the first did not.
/// </summary>
internal sealed partial class RetentionJob(
    IOrganisationDirectory organisations,
    TableCaseAnonymiser cases,
    TablePersonalData data,
    TablePrivacyLog log,
    IPrivateFiles files,
    ILearnedPairStore learned,
    EvidenceFiles.DraftEvidence draftFiles,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<RetentionJob> logger) : BackgroundService
{
    /// <summary>Who holds a day's claim: this process.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }

        await Periodically.RunAsync(
            RunOnceAsync, options.Value.CheckInterval, time, e => LogRunFailed(e.GetType().Name, e), stoppingToken);
    }

    /// <summary>Today's run, if it is time and no other instance has it.</summary>
    public async Task<RetentionRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, RetentionPolicy.Stockholm);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (local.TimeOfDay < options.Value.RunAt || organisations.All.Count == 0)
        {
            return new RetentionRun(false);
        }

        if (!await log.TryClaimDayAsync(day, InstanceId, now, now + options.Value.LeaseDuration, cancellationToken))
        {
            return new RetentionRun(false);
        }

        var run = await ApplyAsync(now, cancellationToken);
        var summary = run.ToString();
        await log.CompleteDayAsync(day, InstanceId, time.GetUtcNow(), summary, cancellationToken);
        LogRan(day, summary);
        return run;
    }

    /// <summary>Everything past retention at <paramref name="now"/>, without a claim (the claim is the caller's).</summary>
    internal async Task<RetentionRun> ApplyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (anonymised, unknown) = await IncidentsAsync(now, cancellationToken);

        // A draft belongs to no organisation until it is sent: the shortest retention of this deployment's profiles applies.
        var draftPolicy = organisations.All.MinBy(o => o.Retention.DraftDays)!.Retention;
        var drafts = 0;
        var liveDrafts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (partitionKey, rowKey, etag, draft) in await data.AllDraftsAsync(cancellationToken))
        {
            if (draftPolicy.DraftExpired(draft.UpdatedAt, now) && await data.DeleteDraftAsync(partitionKey, rowKey, etag, cancellationToken))
            {
                drafts++;
            }
            else if (draft.Id is not null)
            {
                liveDrafts.Add(draft.Id);
            }
        }

        // The member's question kept after "Nej" or "Leta själv" ties their words to their id: it goes once it can no
        // longer count (AfterNo.Window), whether or not they opened a passage.
        var notes = 0;
        foreach (var (partitionKey, rowKey, etag, at) in await data.AllNotesAsync(Trygg.Guidance.Browse.AfterNo.Slot, cancellationToken))
        {
            if (now - at > Trygg.Guidance.Browse.AfterNo.Window && await data.DeleteDraftAsync(partitionKey, rowKey, etag, cancellationToken))
            {
                notes++;
            }
        }

        var notices = 0;
        foreach (var notice in await data.AllNoticesAsync(cancellationToken))
        {
            // Kept as long as an incident would be, counted from the meeting.
            if (PolicyOf(notice.OrganisationId).IncidentExpired(notice.MeetingAt, now))
            {
                await cases.ForgetNoticeCardsAsync(notice.PartitionKey, notice.Reference, cancellationToken);
                await data.DeleteNoticeAsync(notice, cancellationToken);
                notices++;
            }
        }

        // Unanswered questions and learning candidates are members' own words: kept as long as an incident, no longer.
        DateTimeOffset QuestionsCutoff(string organisationId) => RetentionPolicy.MonthStart(now, -PolicyOf(organisationId).IncidentMonths);
        var feedback = await data.DeleteOldFeedbackAsync(QuestionsCutoff, cancellationToken);
        var candidates = await learned.DeleteCandidatesAsync(QuestionsCutoff, cancellationToken);
        // Files sent with a report that was never sent: gone once their draft is and their newest is as old as a draft may
        // get (a draft the member still works on keeps its files however old they are).
        var documents = await data.DeleteExpiredDocumentsAsync(now, cancellationToken)
            + await files.DeleteExpiredAsync(now, cancellationToken)
            + await draftFiles.DeleteStaleAsync(liveDrafts, at => draftPolicy.DraftExpired(at, now), cancellationToken);
        return new RetentionRun(true, anonymised, drafts, notices, feedback, documents, unknown, candidates, notes);
    }

    private async Task<(int Anonymised, int Unknown)> IncidentsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var anonymised = 0;
        var unknown = 0;
        var due = new List<(string PartitionKey, string CaseNumber, RetentionPolicy Policy)>();
        await foreach (var incident in cases.AllIncidentsAsync(cancellationToken))
        {
            if (incident.ReporterId == Anonymiser.ReporterId)
            {
                continue;
            }

            if (organisations.Find(incident.OrganisationId) is not { } organisation)
            {
                // A municipality whose profile was removed: nobody has said how long its reports are kept, so they stay
                // (and are counted in the log) until a profile says so.
                unknown++;
                continue;
            }

            // Closing comes after submitting: a case not yet due by its submission is not due at all.
            if (organisation.Retention.IncidentExpired(incident.SubmittedAt, now))
            {
                due.Add((incident.PartitionKey, incident.CaseNumber, organisation.Retention));
            }
        }

        foreach (var (partitionKey, caseNumber, policy) in due)
        {
            var closedAt = await cases.ClosedAtAsync(partitionKey, caseNumber, cancellationToken);
            if (closedAt is { } closed && !policy.IncidentExpired(closed, now))
            {
                continue;
            }

            if (await cases.AnonymiseAsync(partitionKey, caseNumber, cancellationToken))
            {
                anonymised++;
                LogAnonymised(caseNumber);
            }
        }

        if (unknown > 0)
        {
            LogUnknownOrganisations(unknown);
        }

        return (anonymised, unknown);
    }

    /// <summary>An organisation's policy; for one without a profile, the longest of the deployment's (never shorter than someone chose).</summary>
    private RetentionPolicy PolicyOf(string organisationId) =>
        organisations.Find(organisationId)?.Retention ?? organisations.All.MaxBy(o => o.Retention.IncidentMonths)!.Retention;

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run of {Day}: {Summary}")]
    private partial void LogRan(DateOnly day, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseNumber} anonymised: past retention")]
    private partial void LogAnonymised(string caseNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} incidents belong to organisations without a profile; kept until a profile sets their retention")]
    private partial void LogUnknownOrganisations(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed ({ErrorType}); the next check tries again")]
    private partial void LogRunFailed(string errorType, Exception exception);
}
