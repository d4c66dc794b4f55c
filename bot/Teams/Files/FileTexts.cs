using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Teams.Files;

/// <summary>What the bot says when a file the member accepted cannot be saved (FileTexts.resx, FileTexts.en.resx).</summary>
internal sealed record FileTexts(string Gone, string NotSaved)
{
    public static FileTexts For(Language language) => LocalizedTexts.For<FileTexts>(language);
}
