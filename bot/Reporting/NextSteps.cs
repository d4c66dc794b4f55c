using Trygg.Conversation.Turns;

namespace Trygg.Reporting;

/// <summary>
/// The advice on the receipt, from the guidance (domain.md, "What the member must be told, in order"), with only
/// what applies to this report. The special police number for elected officials is never shown.
/// </summary>
internal static class NextSteps
{
    // Why åtkomstskydd, in one plain sentence: the member's details in the report are then read only by those working on it.
    private const string AccessProtectionSwedish =
        "Be polisen om åtkomstskydd för anmälan. Då kan bara de som arbetar med ärendet läsa dina uppgifter i den.";

    private const string AccessProtectionEnglish =
        "Ask the police for access protection (åtkomstskydd) for the report. Then only those working on the case can read your details in it.";

    public static IReadOnlyList<string> For(IncidentDetails d, Language language, bool partyOfficerTold = false)
    {
        ArgumentNullException.ThrowIfNull(d);
        var en = language == Language.English;
        var steps = new List<string>();

        if (d.Ongoing)
        {
            steps.Add(en ? "**Still going on, or in danger? Call 112.**" : "**Pågår det, eller är du i fara? Ring 112.**");
        }

        switch (d.PoliceReport)
        {
            case PoliceReport.NotYet:
                steps.Add(en
                    ? "Report it to the police: call **114 14** or visit a police station. Say that you were targeted as an elected official."
                    : "Polisanmäl: ring **114 14** eller gå till en polisstation. Säg att du utsattes som förtroendevald.");
                steps.Add(en ? AccessProtectionEnglish : AccessProtectionSwedish);
                break;
            case PoliceReport.WantsHelpToReport:
                steps.Add(en
                    ? "The party or the municipality can report it to the police for you. You will still be the injured party."
                    : "Partiet eller kommunen kan polisanmäla åt dig. Du är ändå målsägande.");
                break;
            case PoliceReport.Made:
                steps.Add(en ? "Good that you have reported it to the police." : "Bra att du har polisanmält.");
                steps.Add(en ? AccessProtectionEnglish : AccessProtectionSwedish);
                break;
        }

        if (d.Injured)
        {
            steps.Add(en
                ? "Seek care (health centre or emergency department) and have the injuries documented."
                : "Sök vård (vårdcentral eller akutmottagning) och be att skadorna dokumenteras.");
        }

        steps.Add(EvidenceAdvice(d, en));

        if (d.Kind == IncidentKind.Harassment)
        {
            steps.Add(en ? "Do not answer the person who is harassing you." : "Svara inte den som trakasserar dig.");
        }

        if (d.RelativesAffected)
        {
            steps.Add(en
                ? "Threats against your family are handled just like threats against you."
                : "Hot mot dina närstående hanteras precis som hot mot dig.");
        }

        steps.Add((partyOfficerTold, en) switch
        {
            (true, true) => "The report also goes to your party's security officer; you may also tell your group leader. Do not discuss your protection in public or with the media.",
            (true, false) => "Rapporten går också till ditt partis säkerhetsansvarig. Berätta gärna för din gruppledare. Tala inte om ditt skydd offentligt eller med media.",
            (false, true) => "Tell your party's security officer or group leader. Do not discuss your protection in public or with the media.",
            (false, false) => "Berätta för ditt partis säkerhetsansvarig eller gruppledare. Tala inte om ditt skydd offentligt eller med media.",
        });

        if (d.Kind is IncidentKind.Threat or IncidentKind.Violence or IncidentKind.Harassment || d.Injured || d.RelativesAffected)
        {
            steps.Add(en
                ? "Don't be alone with this. A support person can come with you to the police, and an injured-party counsel is free if granted: ask early. Victim support (Brottsofferjouren): 0200-21 20 19."
                : "Var inte ensam med det här. En stödperson kan följa med till polisen, och målsägandebiträde är gratis om det beviljas – fråga tidigt. Brottsofferjouren: 0200-21 20 19.");
        }

        return steps;
    }

    private static string EvidenceAdvice(IncidentDetails d, bool en)
    {
        if (d.Place == IncidentPlace.Phone)
        {
            return en
                ? "Write down the time, what was said, the voice, dialect and any background sounds. Keep voice messages."
                : "Skriv ner tid, vad som sades, röst, dialekt och bakgrundsljud. Spara röstmeddelanden.";
        }

        if (d.Place == IncidentPlace.Online || d.Kind == IncidentKind.OnlineHate)
        {
            return en
                ? "Save everything: screenshots of the post *and* the profile, links, messages. Note the date and time."
                : "Spara allt: skärmbilder på inlägget *och* profilen, länkar och meddelanden. Anteckna datum och tid.";
        }

        return en
            ? "Keep everything: letters, e-mails, texts, photos. Write down what happened, with date and time, while you remember."
            : "Spara allt: brev, mejl, sms och foton. Skriv ner vad som hände, med datum och tid, medan du minns.";
    }
}
