using System.Text.Json;
using Trygg.Organisations;

namespace Trygg.Privacy;

/// <summary>
/// The "retention" part of an organisation profile: how long personal data is kept (docs/data.md). Privacy owns it, so
/// it reads and checks it here; <see cref="RetentionProfileSection"/> makes a missing or bad one stop start-up with file
/// and field named.
/// </summary>
public static class RetentionProfile
{
    public const string Section = "retention";

    /// <summary>What an organisation built in code keeps (a profile file must state its own).</summary>
    public static readonly RetentionPolicy BuiltInCode = new(24, 7);

    private static readonly Dictionary<string, string> Shapes = new(StringComparer.Ordinal)
    {
        [Section] = "an object with incidentMonths and draftDays",
        [Section + ".incidentMonths"] = "a whole number of months",
        [Section + ".draftDays"] = "a whole number of days",
    };

    extension(Organisation organisation)
    {
        /// <summary>How long this organisation keeps personal data.</summary>
        public RetentionPolicy Retention => organisation.Sections.Read(Section, Read, BuiltInCode);
    }

    /// <summary>
    /// Required: how long reports are kept is a decision each municipality makes (with its data protection officer), so a
    /// profile without one does not start rather than fall back on a number nobody chose.
    /// </summary>
    internal static RetentionPolicy Read(string file, JsonElement? section)
    {
        var json = section is { } raw ? ProfileFields.Deserialize<RetentionJson>(file, Section, raw, f => Shapes.GetValueOrDefault(f, "a string")) : null;
        if (json is null)
        {
            throw OrganisationProfileException.InField(
                file, Section, "is missing: give incidentMonths and draftDays (see Organisations/Profiles/README.md, \"Retention\").");
        }

        ProfileFields.Known(file, Section + ".", json);
        var months = Between(file, Section + ".incidentMonths", json.IncidentMonths, RetentionPolicy.MinIncidentMonths, RetentionPolicy.MaxIncidentMonths, "months");
        var days = Between(
            file, Section + ".draftDays", json.DraftDays, RetentionPolicy.MinDraftDays, RetentionPolicy.MaxDraftDays, "days",
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

/// <summary>Claims the profile's "retention" field and reads it while the host starts.</summary>
internal sealed class RetentionProfileSection : IProfileSection
{
    public string Name => RetentionProfile.Section;

    public void Check(Organisation organisation) => _ = organisation.Retention;
}

internal sealed class RetentionJson : ProfileJsonObject
{
    public int? IncidentMonths { get; set; }

    public int? DraftDays { get; set; }
}
