using Trygg.Cases;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Reporting;

/// <summary>
/// The advice on the receipt, from the guidance (domain.md, "What the member must be told, in order"), with only
/// what applies to this report. The special police number for elected officials is never shown.
/// </summary>
internal static class NextSteps
{
    public static IReadOnlyList<string> For(IncidentDetails d, Language language, bool partyOfficerTold = false)
    {
        ArgumentNullException.ThrowIfNull(d);
        var t = ReportingTexts.For(language).NextSteps;
        var steps = new List<string>();

        if (d.Ongoing)
        {
            steps.Add(t.Ongoing);
        }

        switch (d.PoliceReport)
        {
            case PoliceReport.NotYet:
                steps.Add(t.PoliceNotYet);
                // Why åtkomstskydd, in one plain sentence: the member's details in the report are then read only by those working on it.
                steps.Add(t.AccessProtection);
                break;
            case PoliceReport.WantsHelpToReport:
                steps.Add(t.PoliceWantsHelp);
                break;
            case PoliceReport.Made:
                steps.Add(t.PoliceMade);
                steps.Add(t.AccessProtection);
                break;
        }

        if (d.Injured)
        {
            steps.Add(t.Injured);
        }

        steps.Add(EvidenceAdvice(d, t));

        if (d.Kind == IncidentKind.Harassment)
        {
            steps.Add(t.Harassment);
        }

        if (d.RelativesAffected)
        {
            steps.Add(t.Relatives);
        }

        steps.Add(partyOfficerTold ? t.PartyOfficerTold : t.TellParty);

        if (d.Kind is IncidentKind.Threat or IncidentKind.Violence or IncidentKind.Harassment || d.Injured || d.RelativesAffected)
        {
            steps.Add(t.Support);
        }

        return steps;
    }

    private static string EvidenceAdvice(IncidentDetails d, NextStepsTexts t)
    {
        if (d.Place == IncidentPlace.Phone)
        {
            return t.EvidencePhone;
        }

        return d.Place == IncidentPlace.Online || d.Kind == IncidentKind.OnlineHate ? t.EvidenceOnline : t.EvidenceOther;
    }
}
