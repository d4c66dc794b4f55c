using System.Globalization;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation.Languages;

/// <summary>A message that only asks for a language: "på svenska", "svenska", "in English", "english", "på engelska".</summary>
internal static class LanguageSwitch
{
    private static readonly Dictionary<string, Language> Names = new(StringComparer.Ordinal)
    {
        ["svenska"] = Language.Swedish,
        ["swedish"] = Language.Swedish,
        ["engelska"] = Language.English,
        ["english"] = Language.English,
    };

    /// <summary>
    /// Words of asking for a language, in either language ("byt till svenska tack", "can you speak english?", "kan du
    /// skriva på engelska"): a short message of a language's name and only these words asks for that language.
    /// </summary>
    private static readonly HashSet<string> Asking = new(StringComparer.Ordinal)
    {
        "på", "pa", "in", "byt", "byta", "till", "kan", "du", "ni", "prata", "pratar", "tala", "talar", "skriv", "skriva", "skriver",
        "svara", "svarar", "vill", "ha", "jag", "helst", "snälla", "snalla", "tack", "hellre", "istället", "istallet", "ändra", "andra",
        "språk", "sprak", "språket", "spraket", "använd", "anvand", "använda", "anvanda", "ok", "okej", "hej", "hallå", "halla", "gärna", "garna",
        "can", "could", "would", "you", "speak", "write", "talk", "answer", "reply", "switch", "change", "to", "please", "i", "want",
        "like", "prefer", "use", "the", "language", "instead", "rather", "thanks", "thank", "hi", "hello", "do", "does", "we", "me", "d", "m",
        "this", "it", "lets", "let", "s", "us", "continue", "go", "on", "chat", "vi", "oss", "ta", "det", "köra", "kora", "kör", "kor", "fortsätta", "fortsatta",
    };

    private const int MaxWords = 8;

    public static Language? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 60)
        {
            return null;
        }

        var words = text.ToLower(CultureInfo.InvariantCulture)
            .Split([' ', ',', '.', '!', '?', '\n', '\t', '\'', '’'], StringSplitOptions.RemoveEmptyEntries);
        var named = words.Where(Names.ContainsKey).Select(w => Names[w]).Distinct().ToList();
        if (words.Length > MaxWords || named.Count != 1 || !words.All(w => Names.ContainsKey(w) || Asking.Contains(w)))
        {
            return null;
        }

        return named[0];
    }
}
