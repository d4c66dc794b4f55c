using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation;

/// <summary>Short texts shared by several flows, in both languages.</summary>
public sealed record CommonTexts(string UnknownAction, string TryAgain, string Unidentified, string FilesNotKeptInDanger)
{
    public static CommonTexts Swedish => For(Language.Swedish);

    public static CommonTexts English => For(Language.English);

    public static CommonTexts For(Language language) => LocalizedTexts.For<CommonTexts>(language);
}
