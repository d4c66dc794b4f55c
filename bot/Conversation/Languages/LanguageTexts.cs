using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation.Languages;

/// <summary>What the bot says when a member switches language (LanguageTexts.resx, LanguageTexts.en.resx).</summary>
public sealed record LanguageTexts(string Switched)
{
    public static LanguageTexts For(Language language) => LocalizedTexts.For<LanguageTexts>(language);
}
