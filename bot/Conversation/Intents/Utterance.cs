namespace Trygg.Conversation.Intents;

/// <summary>A member's message as folded tokens (lower case, no diacritics, SMS shorthand spelled out).</summary>
internal sealed class Utterance
{
    /// <summary>Shorthand members type on a phone, and English contractions once their apostrophe is gone.</summary>
    private static readonly Dictionary<string, string[]> Shorthand = new(StringComparer.Ordinal)
    {
        ["ngn"] = ["nagon"],
        ["nan"] = ["nagon"],
        ["ngt"] = ["nagot"],
        ["e"] = ["ar"],
        ["o"] = ["och"],
        ["mkt"] = ["mycket"],
        ["im"] = ["i", "am"],
        ["ive"] = ["i", "have"],
        ["theres"] = ["there", "is"],
        ["whats"] = ["what", "is"],
        ["hes"] = ["he", "is"],
        ["shes"] = ["she", "is"],
        ["theyre"] = ["they", "are"],
        ["theyve"] = ["they", "have"],
        ["u"] = ["you"],
        ["r"] = ["are"],
        ["pls"] = ["please"],
        ["plz"] = ["please"],
    };

    private Utterance(string[] tokens, bool asksQuestion)
    {
        Tokens = tokens;
        AsksQuestion = asksQuestion;
    }

    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The member typed a question mark.</summary>
    public bool AsksQuestion { get; }

    public bool IsEmpty => Tokens.Count == 0;

    public string First => Tokens.Count > 0 ? Tokens[0] : string.Empty;

    public string Second => Tokens.Count > 1 ? Tokens[1] : string.Empty;

    public static Utterance From(string? text)
    {
        // The SOS emoji is a word: "🆘" alone is an emergency sign, not punctuation.
        var folded = IntentRecognizer.Fold(IntentRecognizer.Normalize(text?.Replace("\U0001F198", " sos ", StringComparison.Ordinal)));
        var tokens = folded
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(t => Shorthand.TryGetValue(t, out var expanded) ? expanded : [t])
            .ToList();
        DropIdioms(tokens);
        return new Utterance([.. tokens], text?.Contains('?', StringComparison.Ordinal) == true);
    }

    /// <summary>Two words that mean something else together: "of course" is not a course, "brinner för" is passion, not fire.</summary>
    private static readonly (string First, string Second)[] Idioms =
        [("of", "course"), ("brinner", "for"), ("burning", "question"), ("burning", "issue")];

    private static void DropIdioms(List<string> tokens)
    {
        for (var i = tokens.Count - 2; i >= 0; i--)
        {
            if (Idioms.Contains((tokens[i], tokens[i + 1])))
            {
                tokens.RemoveRange(i, 2);
            }
        }
    }

    public bool Has(Cue[] cues) => cues.Any(c => c.IsIn(Tokens));

    /// <summary>Every token is one of the words (each cue read as single words).</summary>
    public bool OnlyUses(Cue[] words) => Tokens.All(t => words.Any(c => c.IsIn([t])));
}
