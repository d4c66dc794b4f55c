namespace Trygg.Privacy;

/// <summary>
/// How long an organisation keeps personal data in Trygg (the profile's <c>retention</c>). Dates are whole calendar
/// months in Europe/Stockholm: an incident is kept for the rest of the month its case was closed in (submitted in, if it
/// never was) and <see cref="IncidentMonths"/> full months after it, then anonymised on the first day of the next month.
/// </summary>
/// <param name="IncidentMonths">Months after the case's month before the incident, its case file and its trail are anonymised.</param>
/// <param name="DraftDays">Days after its last change before an unsent (or sent) report draft is deleted.</param>
public sealed record RetentionPolicy(int IncidentMonths, int DraftDays)
{
    public const int MinIncidentMonths = 1;
    public const int MaxIncidentMonths = 120;
    public const int MinDraftDays = 1;

    /// <summary>Reporting stops resuming a draft after 7 days; keeping it longer would serve nothing.</summary>
    public const int MaxDraftDays = 7;

    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>
    /// The instant an incident whose case ended (closed, or submitted when never closed) at <paramref name="anchor"/> is
    /// due for anonymisation: 00:00 Stockholm time on the first day of the month <see cref="IncidentMonths"/> + 1 months
    /// after the anchor's Stockholm month.
    /// </summary>
    public DateTimeOffset IncidentDueAt(DateTimeOffset anchor) => MonthStart(anchor, IncidentMonths + 1);

    /// <summary>Whether a case that ended at <paramref name="anchor"/> is past retention at <paramref name="now"/>.</summary>
    public bool IncidentExpired(DateTimeOffset anchor, DateTimeOffset now) => now >= IncidentDueAt(anchor);

    /// <summary>Whether a draft last changed at <paramref name="updatedAt"/> is past retention at <paramref name="now"/>.</summary>
    public bool DraftExpired(DateTimeOffset updatedAt, DateTimeOffset now) => now - updatedAt >= TimeSpan.FromDays(DraftDays);

    /// <summary>
    /// 00:00 Stockholm time on the first day of the month <paramref name="addMonths"/> after <paramref name="at"/>'s
    /// Stockholm month, as an instant (its UTC offset is that day's: +01:00 in winter, +02:00 in summer).
    /// </summary>
    public static DateTimeOffset MonthStart(DateTimeOffset at, int addMonths = 0)
    {
        var local = TimeZoneInfo.ConvertTime(at, Stockholm);
        var first = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(addMonths);
        return new DateTimeOffset(first, Stockholm.GetUtcOffset(first));
    }
}
