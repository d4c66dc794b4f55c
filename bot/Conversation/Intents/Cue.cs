namespace Trygg.Conversation.Intents;

/// <summary>
/// A word or phrase of the lexicon, written the way a person reads it and matched against folded tokens.
/// Syntax (one phrase = space-separated parts that must follow each other):
/// <list type="bullet">
/// <item><c>word</c>: the token is the word (one typo allowed from 5 letters). <c>=word</c>: exactly the word, no typo
/// ("förra" must not catch "förråd").</item>
/// <item><c>stem*</c>: the token starts with the stem, for inflections ("hot*": hotad, hotbrev; one typo allowed from 6 letters).</item>
/// <item><c>*stem*</c>: as <c>stem*</c>, or the stem follows a compound head of at least 3 letters ("dödshot", "näthat").</item>
/// <item><c>?</c>: any one token. <c>a|b</c>: either alternative.</item>
/// <item><c>-text</c> after a part: tokens containing text never match it ("*hot* -hotell", "om en ? -timm").</item>
/// </list>
/// </summary>
internal sealed class Cue
{
    private const int MinCompoundHead = 3;
    private const int MinFuzzyWord = 5;
    private const int MinFuzzyStem = 6;

    private readonly Term[][] parts;

    private Cue(Term[][] parts) => this.parts = parts;

    public static Cue Parse(string pattern)
    {
        var pieces = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var parts = new List<Term[]>();
        foreach (var piece in pieces)
        {
            if (piece.StartsWith('-') && parts.Count > 0)
            {
                var excluded = IntentRecognizer.Fold(piece[1..]);
                parts[^1] = [.. parts[^1].Select(t => t with { Excludes = [.. t.Excludes, excluded] })];
                continue;
            }

            parts.Add([.. piece.Split('|').Select(ParseTerm)]);
        }

        return new Cue([.. parts]);
    }

    /// <summary>The whole words of the pattern: a token that is one of them is never read as a typo of another.</summary>
    public IEnumerable<string> Words => parts.SelectMany(p => p).Where(t => t.Kind == TermKind.Exact).Select(t => t.Text);

    /// <summary>True when the phrase occurs anywhere in the tokens.</summary>
    public bool IsIn(IReadOnlyList<string> tokens, bool typos = true) => IsIn(tokens, _ => true, typos);

    /// <summary>True when the phrase occurs at a start the caller allows; <paramref name="typos"/> false reads every word as written.</summary>
    public bool IsIn(IReadOnlyList<string> tokens, Func<int, bool> allowedStart, bool typos = true)
    {
        for (var start = 0; start + parts.Length <= tokens.Count; start++)
        {
            if (allowedStart(start) && MatchesAt(tokens, start, typos))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesAt(IReadOnlyList<string> tokens, int start, bool typos)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            var token = tokens[start + i];
            if (!parts[i].Any(term => term.Matches(token, typos)))
            {
                return false;
            }
        }

        return true;
    }

    private static Term ParseTerm(string text)
    {
        if (text == "?")
        {
            return new Term(TermKind.Any, string.Empty, []);
        }

        if (text.StartsWith('='))
        {
            return new Term(TermKind.Exact, IntentRecognizer.Fold(text[1..]), [], Fuzzy: false);
        }

        var compound = text.StartsWith('*');
        var prefix = text.EndsWith('*');
        var core = IntentRecognizer.Fold(text.Trim('*'));
        var kind = compound ? TermKind.Compound : prefix ? TermKind.Prefix : TermKind.Exact;
        return new Term(kind, core, []);
    }

    private enum TermKind
    {
        Exact,
        Prefix,
        Compound,
        Any,
    }

    private sealed record Term(TermKind Kind, string Text, string[] Excludes, bool Fuzzy = true)
    {
        public bool Matches(string token, bool typos = true)
        {
            if (Excludes.Any(x => token.Contains(x, StringComparison.Ordinal)))
            {
                return false;
            }

            if (Kind == TermKind.Any)
            {
                return true;
            }

            return Kind switch
            {
                TermKind.Exact => token == Text
                    || (typos && Fuzzy && Text.Length >= MinFuzzyWord && token.Length >= MinFuzzyWord && IsTypo(token) && Typo.WithinOne(token, Text)),
                TermKind.Prefix => IsPrefix(token, typos),
                _ => IsPrefix(token, typos) || IsCompoundTail(token),
            };
        }

        private bool IsPrefix(string token, bool typos)
        {
            if (token.StartsWith(Text, StringComparison.Ordinal))
            {
                return true;
            }

            if (!typos || Text.Length < MinFuzzyStem || !IsTypo(token))
            {
                return false;
            }

            // A typo inside the stem: compare the token's start, one letter shorter or longer than the stem.
            for (var length = Text.Length - 1; length <= Text.Length + 1 && length <= token.Length; length++)
            {
                if (Typo.WithinOne(token[..length], Text))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"nästa" is a word of its own, not a typo of "nasty".</summary>
        private static bool IsTypo(string token) => !IntentLexicon.KnownWords.Contains(token);

        private bool IsCompoundTail(string token)
        {
            return token.Length > MinCompoundHead + Text.Length - 1
                && token.IndexOf(Text, MinCompoundHead, StringComparison.Ordinal) >= 0;
        }
    }
}
