using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

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
    public static ChoicesTexts For(Language language) => LocalizedTexts.For<ChoicesTexts>(language);
}
