using Trygg.Conversation.Turns;

namespace Trygg.Contacts;

/// <summary>Every word of the contacts card, in Swedish and English. Read by frightened people: short and plain.</summary>
internal sealed record ContactsTexts(
    string Title,
    string EmergencyHeading,
    string EmergencyText,
    string OpenNowFormat,
    string ClosedNow,
    string OfficeHoursFormat,
    string OnCallText,
    string Weekdays,
    string PartyOfficerFormat,
    string NoPartyOfficer,
    string PoliceHeading,
    string PoliceText,
    string CallFormat,
    string ChatInTeams,
    string NoProfile,
    string FillInProfile,
    string Report)
{
    public static readonly ContactsTexts Swedish = new(
        Title: "Här får du hjälp",
        EmergencyHeading: "Är du i fara just nu? Ring 112",
        EmergencyText: "Om du eller någon annan är i fara, eller något händer nu.",
        OpenNowFormat: "Öppet nu. Öppettider: {0}.",
        ClosedNow: "Kontoret är stängt nu. Ring jouren.",
        OfficeHoursFormat: "Öppettider: {0}.",
        OnCallText: "Kvällar, helger och helgdagar.",
        Weekdays: "vardagar",
        PartyOfficerFormat: "{0} – säkerhetsansvarig för {1}",
        NoPartyOfficer: "Ditt parti har ingen säkerhetsansvarig här. Berätta för din gruppledare.",
        PoliceHeading: "Polisen, när det inte är akut: 114 14",
        PoliceText: "För att polisanmäla. Säg att du utsattes som förtroendevald.",
        CallFormat: "Ring {0}",
        ChatInTeams: "Skriv i Teams",
        NoProfile: "Berätta vilken kommun och vilket parti du tillhör, så visar jag deras nummer också.",
        FillInProfile: "Fyll i min profil",
        Report: "Rapportera en händelse");

    public static readonly ContactsTexts English = new(
        Title: "Where to get help",
        EmergencyHeading: "In danger right now? Call 112",
        EmergencyText: "If you or someone else is in danger, or something is happening now.",
        OpenNowFormat: "Open now. Opening hours: {0}.",
        ClosedNow: "The office is closed now. Call the on-call line.",
        OfficeHoursFormat: "Opening hours: {0}.",
        OnCallText: "Evenings, weekends and public holidays.",
        Weekdays: "weekdays",
        PartyOfficerFormat: "{0} – security officer for {1}",
        NoPartyOfficer: "Your party has no security officer here. Tell your group leader.",
        PoliceHeading: "The police, when it is not urgent: 114 14",
        PoliceText: "To report a crime. Say that you were targeted as an elected official.",
        CallFormat: "Call {0}",
        ChatInTeams: "Chat in Teams",
        NoProfile: "Tell me your municipality and party, and I will show their numbers too.",
        FillInProfile: "Fill in my profile",
        Report: "Report an incident");

    public static ContactsTexts For(Language language) => language == Language.English ? English : Swedish;
}
