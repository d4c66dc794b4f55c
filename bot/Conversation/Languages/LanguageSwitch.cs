using System.Globalization;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation.Languages;

/// <summary>A message that only asks for a language: "på svenska", "svenska", "in English", "english", "på engelska".</summary>
internal static class LanguageSwitch
{
    private static readonly Dictionary<string, Language> Phrases = new(StringComparer.Ordinal)
    {
        ["svenska"] = Language.Swedish,
        ["på svenska"] = Language.Swedish,
        ["pa svenska"] = Language.Swedish,
        ["swedish"] = Language.Swedish,
        ["in swedish"] = Language.Swedish,
        ["english"] = Language.English,
        ["in english"] = Language.English,
        ["engelska"] = Language.English,
        ["på engelska"] = Language.English,
        ["pa engelska"] = Language.English,
    };

    private static readonly string[] Politeness = [" tack", " please", " thanks"];

    public static Language? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        var words = string.Join(' ', text.ToLower(CultureInfo.InvariantCulture)
            .Split([' ', ',', '.', '!', '?', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var polite in Politeness)
        {
            if (words.EndsWith(polite, StringComparison.Ordinal))
            {
                words = words[..^polite.Length];
            }
        }

        return Phrases.TryGetValue(words, out var language) ? language : null;
    }
}
