using System.Globalization;
using System.Runtime.CompilerServices;
using Trygg.Storage;

namespace Trygg.Cases;

/// <summary>
/// Key layout of the incidents table: one partition per tenant and organisation, so a report, its number, its
/// submission marker, its index row, its case file and its outbox rows are written in one entity-group transaction.
/// Row keys start with a kind (<c>case|</c>, <c>member|</c>, ...) and are composed with <see cref="TableKeys"/>,
/// which escapes the separator.
/// </summary>
internal static class CaseKeys
{
    public static string Partition(string tenantId, string organisationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(organisationId);
        return TableKeys.Compose(tenantId, organisationId);
    }

    /// <summary>Incidents: the last case number of <paramref name="year"/>.</summary>
    public static string IncidentCounter(int year) => TableKeys.Compose("counter", Year(year));

    public static string IncidentSubmission(string submissionId) => TableKeys.Compose("sub", NotEmpty(submissionId));

    public static string Case(string caseNumber) => TableKeys.Compose("case", NotEmpty(caseNumber));

    /// <summary>Every case row: from "case|" up to, not including, "case}" ('}' follows the separator '|').</summary>
    public static (string From, string To) CaseRange() => ("case" + TableKeys.Separator, "case" + (char)(TableKeys.Separator + 1));

    /// <summary>A reporter's index row: newest first within the reporter's range, the case number breaks ties.</summary>
    public static string ReporterIncident(string reporterId, DateTimeOffset submittedAt, string caseNumber) =>
        TableKeys.Compose("member", NotEmpty(reporterId), TableKeys.InvertedTicks(submittedAt), NotEmpty(caseNumber));

    /// <summary>
    /// The row-key range [from, to) holding exactly one reporter's index rows. The encoded reporter id never holds
    /// the separator, so another id that merely starts with the same characters falls outside.
    /// </summary>
    public static (string From, string To) ReporterIncidentRange(string reporterId)
    {
        var prefix = TableKeys.Compose("member", NotEmpty(reporterId)) + TableKeys.Separator;
        return (prefix, prefix[..^1] + (char)(TableKeys.Separator + 1));
    }

    internal static string Year(int year)
    {
        CaseNumbers.ValidateYear(year);
        return year.ToString("D4", CultureInfo.InvariantCulture);
    }

    internal static string NotEmpty(string value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return value;
    }
}
