using Trygg.Conversation.Turns;

namespace Trygg.Reporting;

/// <summary>How the report's choices read to a member. The values on the wire are the enum names in camelCase.</summary>
internal static class ReportingLabels
{
    public static string Code<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrEmpty(code)
            && char.IsLower(code[0])
            && Enum.TryParse(code, ignoreCase: true, out value)
            && Enum.IsDefined(value)
            && Code(value) == code;
    }

    public static string Kind(IncidentKind kind, Language language) => (kind, language == Language.English) switch
    {
        (IncidentKind.Threat, false) => "Hot",
        (IncidentKind.Harassment, false) => "Trakasserier eller ofredande",
        (IncidentKind.Violence, false) => "Våld",
        (IncidentKind.Vandalism, false) => "Skadegörelse",
        (IncidentKind.OnlineHate, false) => "Näthat",
        (IncidentKind.UndueInfluence, false) => "Otillåten påverkan (påtryckningar, mutförsök)",
        (IncidentKind.Other, false) => "Annat",
        (IncidentKind.Threat, true) => "Threat",
        (IncidentKind.Harassment, true) => "Harassment or pestering",
        (IncidentKind.Violence, true) => "Violence",
        (IncidentKind.Vandalism, true) => "Vandalism",
        (IncidentKind.OnlineHate, true) => "Online hate",
        (IncidentKind.UndueInfluence, true) => "Undue influence (pressure, bribery)",
        _ => language == Language.English ? "Other" : "Annat",
    };

    public static string Place(IncidentPlace place, Language language) => (place, language == Language.English) switch
    {
        (IncidentPlace.Online, false) => "På nätet",
        (IncidentPlace.Phone, false) => "Per telefon",
        (IncidentPlace.Meeting, false) => "På ett möte eller sammanträde",
        (IncidentPlace.Home, false) => "Hemma",
        (IncidentPlace.PublicPlace, false) => "På en offentlig plats",
        (IncidentPlace.Online, true) => "Online",
        (IncidentPlace.Phone, true) => "By phone",
        (IncidentPlace.Meeting, true) => "At a meeting",
        (IncidentPlace.Home, true) => "At home",
        (IncidentPlace.PublicPlace, true) => "In a public place",
        _ => language == Language.English ? "Elsewhere" : "Någon annanstans",
    };

    public static string Perpetrator(Perpetrator who, Language language) => (who, language == Language.English) switch
    {
        (Reporting.Perpetrator.Known, false) => "Ja, jag vet vem det är",
        (Reporting.Perpetrator.AnonymousAccount, false) => "Ett anonymt konto",
        (Reporting.Perpetrator.Known, true) => "Yes, I know who it is",
        (Reporting.Perpetrator.AnonymousAccount, true) => "An anonymous account",
        _ => language == Language.English ? "No, unknown" : "Nej, okänd",
    };

    public static string Evidence(Evidence evidence, Language language) => (evidence, language == Language.English) switch
    {
        (Reporting.Evidence.Screenshots, false) => "Skärmbilder (inlägg och profil)",
        (Reporting.Evidence.Messages, false) => "Meddelanden, mejl eller brev",
        (Reporting.Evidence.Links, false) => "Länkar",
        (Reporting.Evidence.Photos, false) => "Foton",
        (Reporting.Evidence.VoiceMessages, false) => "Röstmeddelanden",
        (Reporting.Evidence.Notes, false) => "Anteckningar om datum och tid",
        (Reporting.Evidence.Screenshots, true) => "Screenshots (post and profile)",
        (Reporting.Evidence.Messages, true) => "Messages, e-mails or letters",
        (Reporting.Evidence.Links, true) => "Links",
        (Reporting.Evidence.Photos, true) => "Photos",
        (Reporting.Evidence.VoiceMessages, true) => "Voice messages",
        _ => language == Language.English ? "Notes of date and time" : "Anteckningar om datum och tid",
    };

    public static string Police(PoliceReport police, Language language) => (police, language == Language.English) switch
    {
        (PoliceReport.Made, false) => "Jag har polisanmält",
        (PoliceReport.WantsHelpToReport, false) => "Jag vill att partiet eller kommunen anmäler åt mig",
        (PoliceReport.Made, true) => "I have reported it to the police",
        (PoliceReport.WantsHelpToReport, true) => "I want the party or the municipality to report it for me",
        _ => language == Language.English ? "Not yet" : "Inte ännu",
    };

    public static string Contact(ContactWish contact, Language language) => (contact, language == Language.English) switch
    {
        (ContactWish.Teams, false) => "Ja, i Teams",
        (ContactWish.Phone, false) => "Ja, per telefon",
        (ContactWish.Teams, true) => "Yes, in Teams",
        (ContactWish.Phone, true) => "Yes, by phone",
        _ => language == Language.English ? "No, not now" : "Nej, inte nu",
    };

    public static string Status(IncidentStatus status, Language language) => (status, language == Language.English) switch
    {
        (IncidentStatus.Acknowledged, false) => "Mottagen av säkerhetsenheten",
        (IncidentStatus.Assigned, false) => "En handläggare har ditt ärende",
        (IncidentStatus.Closed, false) => "Avslutad",
        (IncidentStatus.Acknowledged, true) => "Acknowledged by the security unit",
        (IncidentStatus.Assigned, true) => "A case officer is handling it",
        (IncidentStatus.Closed, true) => "Closed",
        _ => language == Language.English ? "Sent, not yet acknowledged" : "Skickad, inte bekräftad än",
    };
}
