using Trygg.Members;
using Trygg.Organisations;

namespace Trygg.Training;

/// <summary>Who said a training was done.</summary>
public enum CompletionSource
{
    /// <summary>The member pressed "Jag har genomfört utbildningen".</summary>
    SelfReported,

    /// <summary>The security unit registered it ("registrera utbildning").</summary>
    RegisteredByUnit,
}

/// <summary>Identifies one member's record in one cycle of one campaign.</summary>
public sealed record TrainingRecordKey(string TenantId, string OrganisationId, string CampaignId, string CycleKey, string MemberId);

/// <summary>
/// A member's standing in one cycle of a campaign. Name, party and role are copied in so the security unit's
/// status card needs no second look-up; nothing here is report data.
/// </summary>
public sealed record TrainingRecord(
    TrainingRecordKey Key,
    string Name,
    string? Party,
    MemberRole Role,
    DateTimeOffset JoinedAt,
    int RemindersSent,
    DateTimeOffset? SnoozedUntil,
    DateTimeOffset? LastRemindedAt,
    DateTimeOffset? DoneAt,
    CompletionSource? Source,
    string? RegisteredBy)
{
    public bool Done => DoneAt is not null;

    public ReminderState State => new(Done, RemindersSent, SnoozedUntil, LastRemindedAt);

    public static TrainingRecord New(TrainingRecordKey key, string name, string? party, MemberRole role, DateTimeOffset joinedAt) =>
        new(key, name, party, role, joinedAt, 0, null, null, null, null, null);
}

/// <summary>Training records in Table storage. Updates are optimistic (ETag): a lost race re-reads and applies again.</summary>
public interface ITrainingRecords
{
    Task<TrainingRecord?> GetAsync(TrainingRecordKey key, CancellationToken cancellationToken);

    /// <summary>Every record of one cycle of one campaign (the status card and the CSV).</summary>
    Task<IReadOnlyList<TrainingRecord>> ListAsync(string tenantId, string organisationId, string campaignId, string cycleKey, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored record (null when there is none) and stores the result; returns
    /// it. When <paramref name="change"/> returns null nothing is written and null is returned.
    /// </summary>
    Task<TrainingRecord?> UpdateAsync(TrainingRecordKey key, Func<TrainingRecord?, TrainingRecord?> change, CancellationToken cancellationToken);
}
