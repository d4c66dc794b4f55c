using System.Globalization;
using Trygg.Cases;
using Trygg.Cases.Files;
using Trygg.Cases.Messages;
using Trygg.Texts;

namespace Trygg.Privacy;

/// <summary>
/// The part of "Vilka uppgifter har ni om mig" that lies under the member's reports: per case, the messages between
/// them and the security unit (how many, and on which days; the texts themselves are read under "mina rapporter"), the
/// evidence kept (name, type, size, date) and what is recorded about the police report (who filed, the police's number
/// and who gave it). A case with none of these gets no section. Read only for cases the member reported.
/// </summary>
internal sealed class MyCaseData(IIncidentStore incidents, CaseMessageStore messages, ICaseEvidence evidence)
{
    public async Task<IReadOnlyList<MyDataSection>> SectionsAsync(
        string tenantId, string organisationId, string memberId, IReadOnlyList<IncidentSummary> reports, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var t = MyCaseTexts.For(language);
        var sections = new List<MyDataSection>();
        foreach (var report in reports)
        {
            var incident = await incidents.GetAsync(tenantId, organisationId, report.CaseNumber, cancellationToken);

            // The list is the member's own index; the incident is checked again, so nothing of another's case can show.
            if (incident is null || incident.IsAnonymised || !string.Equals(incident.ReporterId, memberId, StringComparison.Ordinal))
            {
                continue;
            }

            var facts = new List<MyDataFact>();
            var thread = await messages.ListAsync(tenantId, organisationId, report.CaseNumber, cancellationToken);
            if (thread.Count > 0)
            {
                var days = string.Join(", ", thread.Select(m => MyDataActions.Date(m.At)).Distinct(StringComparer.Ordinal));
                facts.Add(new(t.MessagesLabel, string.Format(CultureInfo.InvariantCulture, t.MessagesFormat, thread.Count, days)));
            }

            var files = await evidence.ListAsync(tenantId, organisationId, report.CaseNumber, cancellationToken);
            facts.AddRange(files.OrderBy(f => f.AddedAt).Select(f => new MyDataFact(
                t.EvidenceLabel,
                $"{f.Name} · {CaseEvidenceRows.Kind(f)} · {CaseEvidenceRows.Size(f.Size, language)} · {MyDataActions.Date(f.AddedAt)}")));

            if (Police(incident.Details, t) is { } police)
            {
                facts.Add(new(t.PoliceLabel, police));
            }

            if (facts.Count > 0)
            {
                sections.Add(new MyDataSection(string.Format(CultureInfo.InvariantCulture, t.CaseHeadingFormat, report.CaseNumber), facts, null));
            }
        }

        return sections;
    }

    /// <summary>Who filed and the police's number with who gave it; null while no police report is recorded.</summary>
    private static string? Police(IncidentDetails details, MyCaseTexts t)
    {
        var made = details.PoliceReport == PoliceReport.Made;
        if (!made && string.IsNullOrEmpty(details.PoliceDiaryNumber))
        {
            return null;
        }

        var parts = new List<string>();
        if (made)
        {
            parts.Add(details.PoliceFiledBy switch
            {
                PoliceFiler.Party => t.FiledByParty,
                PoliceFiler.Municipality => t.FiledByMunicipality,
                _ => t.FiledByYou,
            });
        }

        if (!string.IsNullOrEmpty(details.PoliceDiaryNumber))
        {
            var format = details.PoliceNumberGivenBy is PoliceFiler.Party or PoliceFiler.Municipality ? t.NumberFromUnitFormat : t.NumberFromYouFormat;
            parts.Add(string.Format(CultureInfo.InvariantCulture, format, details.PoliceDiaryNumber));
        }

        return string.Join(" · ", parts);
    }
}
