namespace Trygg.Eval;

/// <summary>
/// The language of a reply as a reader sees it, from its common words: independent of how the bot chose it, so the
/// eval measures the result. Button titles decide when they tell, since the body may quote the (Swedish) guidance; a
/// text that ends cut short with "…" is a quote too (a suggestion's title is the passage's heading and first words), and is not read.
/// </summary>
internal static class ReplyLanguage
{
    private static readonly HashSet<string> Swedish = new(StringComparer.Ordinal)
    {
        "och", "att", "du", "jag", "är", "det", "en", "ett", "som", "på", "för", "med", "inte", "har", "vi", "kan", "din", "ditt",
        "dig", "mig", "om", "till", "nu", "här", "vad", "ring", "hjälp", "ja", "nej", "eller", "av", "vill", "skriv", "frågor",
        "fråga", "rapportera", "säkerhet", "dina", "mina", "min", "den", "när", "hur", "så", "också", "vem", "skicka", "avbryt",
        "tillbaka", "nästa", "klart", "läs", "öppna", "visa", "berätta", "oss", "möte", "datum", "tid",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "you", "to", "is", "are", "your", "it", "we", "can", "of", "in", "on", "for", "with", "not", "have", "now",
        "here", "what", "call", "help", "yes", "no", "or", "want", "write", "questions", "question", "report", "safe", "my", "this",
        "that", "if", "how", "who", "when", "also", "send", "cancel", "back", "next", "done", "read", "open", "show", "tell", "us",
        "meeting", "date", "time",
    };

    /// <summary>"sv" or "en"; Swedish when nothing tells.</summary>
    public static string Of(IEnumerable<string> bodyTexts, IEnumerable<string> buttonTitles)
    {
        var score = Score(buttonTitles);
        if (score == 0)
        {
            score = Score(bodyTexts);
        }

        return score < 0 ? "en" : "sv";
    }

    /// <summary>Swedish words count up, English words down.</summary>
    private static int Score(IEnumerable<string> texts)
    {
        var score = 0;
        foreach (var text in texts.Where(t => !t.TrimEnd().EndsWith('…')))
        {
            foreach (var word in text.ToLowerInvariant().Split([' ', '\n', '.', ',', ':', ';', '!', '?', '*', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (Swedish.Contains(word))
                {
                    score++;
                }
                else if (English.Contains(word))
                {
                    score--;
                }
            }
        }

        return score;
    }
}
