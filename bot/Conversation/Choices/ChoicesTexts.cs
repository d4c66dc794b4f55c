using Trygg.Conversation.Turns;

namespace Trygg.Conversation.Choices;

/// <summary>Texts of the choices a member is offered when a message leads nowhere else, and after a told incident.</summary>
public sealed record ChoicesTexts(
    string NothingAskedTitle,
    string NothingAskedText,
    string ToldTitle,
    string ToldText,
    string ReportThis,
    string Report,
    string Ask,
    string Contact,
    string Call112)
{
    public static readonly ChoicesTexts Swedish = new(
        NothingAskedTitle: "Vad vill du göra?",
        NothingAskedText: "Du kan berätta om något som hänt, ställa en fråga eller se vem du kan kontakta. Är du i fara: ring 112.",
        ToldTitle: "Vill du rapportera det här?",
        ToldText: "Det du berättar är värt att rapportera, även om det känns litet. Dina ord följer med som beskrivning, och du kan ändra dem.",
        ReportThis: "Rapportera det här",
        Report: "Rapportera något som hänt",
        Ask: "Ställ en fråga",
        Contact: "Vem kontaktar jag?",
        Call112: "Ring 112");

    public static readonly ChoicesTexts English = new(
        NothingAskedTitle: "What would you like to do?",
        NothingAskedText: "You can tell me about something that happened, ask a question or see whom to contact. If you are in danger: call 112.",
        ToldTitle: "Do you want to report this?",
        ToldText: "What you describe is worth reporting, even if it feels small. Your words go in as the description, and you can change them.",
        ReportThis: "Report this",
        Report: "Report something that happened",
        Ask: "Ask a question",
        Contact: "Whom do I contact?",
        Call112: "Call 112");

    public static ChoicesTexts For(Language language) => language == Language.English ? English : Swedish;
}
