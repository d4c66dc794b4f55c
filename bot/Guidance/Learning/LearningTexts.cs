using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Guidance.Learning;

/// <summary>
/// The words of the administrators' side of learning (suggested pairs, linking, linking by browsing, export), from
/// LearningTexts.resx (Swedish) and LearningTexts.en.resx (English).
/// </summary>
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
    string NotAdministrator,
    string LinkBrowse,
    string LinkTopicsIntro,
    string LinkPassagesIntro,
    string LinkAllTopics,
    string LinkPage)
{
    public static LearningTexts For(Language language) => LocalizedTexts.For<LearningTexts>(language);
}
