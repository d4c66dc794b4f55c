using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Guidance.Browse;

/// <summary>The words of browsing the guidance, in BrowseTexts.resx (Swedish) and BrowseTexts.en.resx (English). The guidance itself is Swedish and quoted as written.</summary>
public sealed record BrowseTexts(
    string TopicsTitle,
    string TopicsIntro,
    string PassagesIntro,
    string OwnMunicipality,
    string National,
    string OtherMunicipality,
    string Page,
    string AllTopics,
    string Danger,
    string Gone,
    string BrowseAfterNo,
    string OtherTopic)
{
    public static BrowseTexts For(Language language) => LocalizedTexts.For<BrowseTexts>(language);
}
