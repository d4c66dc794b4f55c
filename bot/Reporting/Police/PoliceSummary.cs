using System.Globalization;
using System.Text.RegularExpressions;
using Trygg.Cases;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Reporting.Police;

/// <summary>One heading of the summary and its lines, as the card and the PDF both show them.</summary>
internal sealed record PoliceSection(string Title, IReadOnlyList<string> Lines);

/// <summary>
/// What the police will ask, taken from the member's report, in the member's language: the one source of both the card
/// and the PDF. Sensitive (it holds the report's description): shown only to the reporter, never logged. Links in the
/// description are listed as plain text, so that nothing in the member's own chat or file opens a stranger's page by a tap.
/// </summary>
internal sealed partial record PoliceSummary(
    string CaseNumber,
    string Title,
    string Intro,
    IReadOnlyList<PoliceSection> Sections,
    string HowToReport,
    string? Status)
{
    public static PoliceSummary Of(Incident incident, Organisation organisation, IReadOnlyList<string> evidenceFiles, Language language)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(evidenceFiles);
        var t = PoliceTexts.For(language);
        var d = incident.Details;
        var sections = new List<PoliceSection>
        {
            new(t.What, [IncidentLabels.Kind(d.Kind, language), d.Description]),
            new(t.When, [TimeZoneInfo.ConvertTime(d.OccurredAt, ReportForm.Stockholm).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]),
            new(t.Where, [IncidentLabels.Place(d.Place, language)]),
        };
        if (!string.IsNullOrWhiteSpace(d.Platform))
        {
            sections.Add(new(t.How, [d.Platform]));
        }

        var links = LinksIn(d.Description);
        if (links.Count > 0)
        {
            sections.Add(new(t.Links, links));
        }

        sections.Add(new(t.Who, [d.Perpetrator switch
        {
            Perpetrator.Known => t.WhoKnown,
            Perpetrator.AnonymousAccount => t.WhoAnonymous,
            _ => t.WhoUnknown,
        }]));
        sections.Add(new(t.Witnesses, [t.WitnessesHint]));

        IReadOnlyList<string> evidence = [.. d.Evidence.Select(e => IncidentLabels.Evidence(e, language)), .. evidenceFiles];
        sections.Add(new(t.Evidence, evidence.Count == 0 ? [t.NoEvidence] : evidence));

        var also = new List<string>();
        if (d.RelativesAffected)
        {
            also.Add(t.RelativesAffected);
        }

        if (d.Injured)
        {
            also.Add(t.Injured);
        }

        if (also.Count > 0)
        {
            sections.Add(new(t.Also, also));
        }

        var body = organisation.FindBody(d.Assignment)?.Name;
        sections.Add(new(t.RoleTitle, [body is null ? t.RoleNoBody : string.Format(CultureInfo.InvariantCulture, t.RoleFormat, body)]));
        sections.Add(new(t.ProtectionTitle, [t.Protection]));

        return new PoliceSummary(
            incident.CaseNumber,
            t.Title,
            string.Format(CultureInfo.InvariantCulture, t.IntroFormat, incident.CaseNumber),
            sections,
            t.HowToReport,
            StatusOf(d, t));
    }

    /// <summary>What is recorded about the police report; null while nobody has said it is made.</summary>
    private static string? StatusOf(IncidentDetails d, PoliceTexts t)
    {
        if (d.PoliceReport != PoliceReport.Made)
        {
            return null;
        }

        var who = d.PoliceFiledBy switch
        {
            PoliceFiler.Party => string.Format(CultureInfo.InvariantCulture, t.ReportedByOthersFormat, t.ByParty),
            PoliceFiler.Municipality => string.Format(CultureInfo.InvariantCulture, t.ReportedByOthersFormat, t.ByMunicipality),
            _ => t.ReportedDone,
        };
        return string.IsNullOrEmpty(d.PoliceDiaryNumber)
            ? who
            : who + " " + string.Format(CultureInfo.InvariantCulture, t.PoliceNumberFormat, d.PoliceDiaryNumber);
    }

    /// <summary>Web addresses in the member's description, each once, at most ten.</summary>
    private static List<string> LinksIn(string text) =>
        [.. Url().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')', ';', ':', '!', '?')).Distinct(StringComparer.Ordinal).Take(10)];

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""]{2,300}", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
