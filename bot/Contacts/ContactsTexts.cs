using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Contacts;

/// <summary>Every word of the contacts card, in Swedish and English (ContactsTexts.resx, ContactsTexts.en.resx). Read by frightened people: short and plain.</summary>
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
    public static ContactsTexts For(Language language) => LocalizedTexts.For<ContactsTexts>(language);
}
