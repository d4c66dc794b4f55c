using Trygg.Conversation.Turns;

namespace Trygg.Guidance.Browse;

/// <summary>The words of browsing the guidance in both languages. The guidance itself is Swedish and quoted as written.</summary>
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
    string BrowseAfterNo)
{
    public static readonly BrowseTexts Swedish = new(
        TopicsTitle: "Vägledningen",
        TopicsIntro: "Välj ett ämne. Du kan också skriva din fråga med egna ord.",
        PassagesIntro: "Tryck på ett avsnitt för att läsa det.",
        OwnMunicipality: "Din kommuns rutin",
        National: "Nationell vägledning",
        OtherMunicipality: "Från {0}",
        Page: "Sida {0}",
        AllTopics: "Alla ämnen",
        Danger: "Är du i fara: ring 112.",
        Gone: "Det avsnittet finns inte längre i vägledningen. Skriv ”vägledningen” så ser du ämnena igen.",
        BrowseAfterNo: "Du kan också leta själv bland ämnena: skriv ”vägledningen”.");

    public static readonly BrowseTexts English = new(
        TopicsTitle: "The guidance",
        TopicsIntro: "Choose a topic. You can also write your question in your own words. The guidance is in Swedish.",
        PassagesIntro: "Tap a section to read it.",
        OwnMunicipality: "Your municipality's routine",
        National: "National guidance",
        OtherMunicipality: "From {0}",
        Page: "Page {0}",
        AllTopics: "All topics",
        Danger: "In danger: call 112.",
        Gone: "That section is no longer in the guidance. Write “guidance” to see the topics again.",
        BrowseAfterNo: "You can also look for it yourself among the topics: write “guidance”.");

    public static BrowseTexts For(Language language) => language == Language.English ? English : Swedish;
}
