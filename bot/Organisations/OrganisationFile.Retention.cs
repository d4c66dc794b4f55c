using Trygg.Privacy;

namespace Trygg.Organisations;

// The "retention" part of a profile: how long personal data is kept (Privacy/, docs/data.md).
internal static partial class OrganisationFile
{
    /// <summary>
    /// Required: how long reports are kept is a decision each municipality makes (with its data protection officer), so a
    /// profile without one does not start rather than fall back on a number nobody chose.
    /// </summary>
    private static RetentionPolicy RetentionOf(string file, RetentionJson? json)
    {
        if (json is null)
        {
            throw OrganisationProfileException.InField(
                file, "retention", "is missing: give incidentMonths and draftDays (see Organisations/Profiles/README.md, \"Retention\").");
        }

        Known(file, "retention.", json);
        var months = Between(file, "retention.incidentMonths", json.IncidentMonths, RetentionPolicy.MinIncidentMonths, RetentionPolicy.MaxIncidentMonths, "months");
        var days = Between(
            file, "retention.draftDays", json.DraftDays, RetentionPolicy.MinDraftDays, RetentionPolicy.MaxDraftDays, "days",
            " (a draft cannot be resumed after 7 days, so keeping it longer serves nothing)");
        return new RetentionPolicy(months, days);
    }

    private static int Between(string file, string field, int? value, int min, int max, string unit, string? why = null)
    {
        if (value is null)
        {
            throw OrganisationProfileException.InField(file, field, $"is missing: give a number of {unit} ({min} to {max}).");
        }

        return value < min || value > max
            ? throw OrganisationProfileException.InField(file, field, $"is {value}: use {min} to {max} {unit}{why}.")
            : value.Value;
    }
}

internal sealed class RetentionJson : ProfileJsonObject
{
    public int? IncidentMonths { get; set; }

    public int? DraftDays { get; set; }
}
