using Trygg.Conversation.Turns;

namespace Trygg.Guidance.Learning;

/// <summary>The words of the administrators' side of learning (suggested pairs, linking, export) in both languages.</summary>
public sealed record LearningTexts(
    string Title,
    string Intro,
    string None,
    string Asked,
    string Approve,
    string Reject,
    string Approved,
    string Rejected,
    string Gone,
    string Export,
    string ExportNone,
    string ExportSent,
    string ExportFailed,
    string ExportDescription,
    string Link,
    string LinkTitle,
    string LinkIntro,
    string LinkNone,
    string Linked,
    string QuestionGone,
    string NotAdministrator)
{
    public static readonly LearningTexts Swedish = new(
        Title: "Förslag",
        Intro: "Frågor som medlemmar ställde och avsnitt de själva hittade. Vem som frågade sparas inte. Godkänn, så svarar Trygg med avsnittet nästa gång någon frågar så.",
        None: "Inga förslag just nu.",
        Asked: "Frågad {0} gånger",
        Approve: "Godkänn",
        Reject: "Avvisa",
        Approved: "Godkänt. Trygg svarar nu med avsnittet på den frågan.",
        Rejected: "Avvisat. Avsnittet föreslås inte igen för den frågan.",
        Gone: "Förslaget finns inte längre.",
        Export: "Exportera godkända frågor",
        ExportNone: "Inga godkända frågor ännu.",
        ExportSent: "Filen med godkända frågor kommer i din chatt med Trygg.",
        ExportFailed: "Jag kunde inte skicka filen till din chatt med Trygg. Öppna en chatt med Trygg och försök igen.",
        ExportDescription: "Godkända frågor till vägledningen, för repots .questions-filer",
        Link: "Koppla till ett avsnitt",
        LinkTitle: "Koppla frågan till ett avsnitt",
        LinkIntro: "Välj det avsnitt som svarar på frågan. Trygg svarar sedan med det.",
        LinkNone: "Jag hittar inga avsnitt som liknar frågan. Skriv ”vägledningen” för att leta bland ämnena.",
        Linked: "Kopplat. Trygg svarar nu med avsnittet på den frågan.",
        QuestionGone: "Frågan finns inte längre.",
        NotAdministrator: "Det här kan bara säkerhetsenhetens administratörer göra, i säkerhetsenhetens kanal. Skriv \"@Trygg förslag\" där.");

    public static readonly LearningTexts English = new(
        Title: "Suggestions",
        Intro: "Questions members asked and sections they found themselves. Who asked is not stored. Approve, and Trygg answers with the section the next time someone asks that.",
        None: "No suggestions right now.",
        Asked: "Asked {0} times",
        Approve: "Approve",
        Reject: "Reject",
        Approved: "Approved. Trygg now answers that question with the section.",
        Rejected: "Rejected. The section is not suggested for that question again.",
        Gone: "The suggestion is no longer there.",
        Export: "Export approved questions",
        ExportNone: "No approved questions yet.",
        ExportSent: "The file with approved questions is coming in your chat with Trygg.",
        ExportFailed: "I could not send the file to your chat with Trygg. Open a chat with Trygg and try again.",
        ExportDescription: "Approved guidance questions, for the repository's .questions files",
        Link: "Link to a section",
        LinkTitle: "Link the question to a section",
        LinkIntro: "Choose the section that answers the question. Trygg then answers with it.",
        LinkNone: "I find no sections like the question. Write “guidance” to look through the topics.",
        Linked: "Linked. Trygg now answers that question with the section.",
        QuestionGone: "The question is no longer there.",
        NotAdministrator: "Only the security unit's administrators can do this, in the security unit's channel. Write \"@Trygg suggestions\" there.");

    public static LearningTexts For(Language language) => language == Language.English ? English : Swedish;
}
