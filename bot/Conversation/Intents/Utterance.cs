namespace Trygg.Conversation.Intents;

/// <summary>A member's message as folded tokens (lower case, no diacritics, SMS shorthand spelled out).</summary>
internal sealed partial class Utterance
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

    private Utterance(string[] tokens, bool asksQuestion, bool typos = true, Utterance? unquoted = null)
    {
        Tokens = tokens;
        AsksQuestion = asksQuestion;
        Typos = typos;
        Unquoted = unquoted;
    }

    /// <summary>Whether a word may match as a typo of a lexicon word ("hotas" for "hotad" may; read as written it may not).</summary>
    public bool Typos { get; }

    /// <summary>
    /// The message without what it quotes ("nån skrev ”hon får skylla sig själv när hon blir skjuten”"), or null when it
    /// quotes nothing: quoted words are someone else's, a threat relayed, not what is happening.
    /// </summary>
    public Utterance? Unquoted { get; }

    /// <summary>The same words read as written: no word matches as a typo of another.</summary>
    public Utterance AsWritten() => new([.. Tokens], AsksQuestion, typos: false, Unquoted?.AsWritten());

    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The member typed a question mark.</summary>
    public bool AsksQuestion { get; }

    public bool IsEmpty => Tokens.Count == 0;

    public string First => Tokens.Count > 0 ? Tokens[0] : string.Empty;

    public string Second => Tokens.Count > 1 ? Tokens[1] : string.Empty;

    public static Utterance From(string? text)
    {
        // The SOS emoji is a word: "🆘" alone is an emergency sign, not punctuation.
        // Before folding, while the letters still tell: "år" and "är" fold alike ("för i år, har inte hört nåt" would read
        // "är här", someone is here), and "we're" loses its apostrophe into "were", a past.
        var written = text is null ? null : WeAre().Replace(YearThenHas().Replace(text, "årtal"), "$1 are");
        var folded = IntentRecognizer.Fold(IntentRecognizer.Normalize(written?.Replace("\U0001F198", " sos ", StringComparison.Ordinal)));
        var tokens = folded
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(t => Shorthand.TryGetValue(t, out var expanded) ? expanded : [t])
            .ToList();
        DropIdioms(tokens);
        var asks = text?.Contains('?', StringComparison.Ordinal) == true;
        var outside = text is null ? null : Quoted().Replace(text, " … ");
        var unquoted = outside is not null && outside != text ? From(outside) : null;
        return new Utterance([.. tokens], asks, unquoted: unquoted is { IsEmpty: false } ? unquoted : null);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\p{L})(we|you)['’]re(?!\p{L})", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex WeAre();

    // "år" before "har"/"hade", and "ar" typed for "år" after "i" ("i ar har jag inte fått nåt"): "i är" is no Swedish.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\p{L})(?:år|(?<=(?<!\p{L})i\s+)ar)(?=\W+(?:har|hade)(?!\p{L}))", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex YearThenHas();

    // "...", “...”, ”...”, «...», and '...' standing apart from words (not the apostrophe of "won't").
    [System.Text.RegularExpressions.GeneratedRegex(@"""[^""]{3,}""|“[^”]{3,}”|”[^”]{3,}”|«[^»]{3,}»|(?<!\p{L})'[^']{3,}'(?!\p{L})")]
    private static partial System.Text.RegularExpressions.Regex Quoted();

    /// <summary>
    /// Words that mean something else together, dropped before reading: "of course" is not a course, "brinner för frågan"
    /// is passion, not fire, "skjuter upp" postpones, "det slog mig att" is a thought. Folded, as the tokens are.
    /// </summary>
    private static readonly string[][] Idioms =
    [
        ["of", "course"], ["burning", "question"], ["burning", "issue"], ["burning", "desire"], ["hot", "topic"], ["hot", "issue"],
        ["brinner", "for"], ["brann", "for"], ["brinna", "for"], ["brunnit", "for"], ["brinnande", "intresse"], ["brinnande", "engagemang"],
        ["skjuter", "upp"], ["skjuta", "upp"], ["skot", "upp"], ["skjutit", "upp"], ["skjuts", "upp"],
        ["slar", "ett", "slag"], ["slog", "ett", "slag"], ["sla", "ett", "slag"], ["slar", "ihop"], ["sla", "ihop"], ["slog", "ihop"],
        ["slar", "vakt"], ["sla", "vakt"], ["slar", "igenom"], ["slog", "igenom"], ["slar", "fast"], ["slog", "fast"], ["slar", "av"],
        ["slog", "mig", "att"], ["slar", "mig", "att"], ["hit", "me", "that"], ["kastar", "ut"], ["kasta", "ut"], ["kastade", "ut"],
        ["leave", "me", "alone"], ["leave", "us", "alone"], ["killing", "it"], ["sta", "som"],
    ];

    /// <summary>
    /// Words after which the idiom does not hold, each with how many words after the idiom it may come: "brinner för
    /// fullt" is a fire (the next word), and aimed at something within three words ("skjuter upp fyrverkerier mot vårt
    /// fönster") it is the deed, not the idiom ("skjuter upp mötet" postpones).
    /// </summary>
    private static readonly Dictionary<string, int> LiteralWithin = new(StringComparer.Ordinal)
    {
        ["fullt"] = 1, ["full"] = 1, ["mot"] = 3, ["at"] = 3, ["towards"] = 3,
    };

    private static readonly int LiteralReach = LiteralWithin.Values.Max();

    private static void DropIdioms(List<string> tokens)
    {
        for (var i = tokens.Count - 2; i >= 0; i--)
        {
            if (Idioms.FirstOrDefault(words => IsAt(tokens, i, words)) is { } idiom
                && !tokens.Skip(i + idiom.Length).Take(LiteralReach).Where((word, n) => LiteralWithin.TryGetValue(word, out var reach) && n < reach).Any())
            {
                tokens.RemoveRange(i, idiom.Length);
            }
        }
    }

    private static bool IsAt(List<string> tokens, int start, string[] words)
    {
        if (start + words.Length > tokens.Count)
        {
            return false;
        }

        for (var j = 0; j < words.Length; j++)
        {
            if (tokens[start + j] != words[j])
            {
                return false;
            }
        }

        return true;
    }

    public bool Has(Cue[] cues) => cues.Any(c => c.IsIn(Tokens, Typos));

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "januari", "january", "jan", "februari", "february", "feb", "mars", "march", "april", "apr", "maj", "may", "juni", "june",
        "jun", "juli", "july", "jul", "augusti", "august", "aug", "september", "sept", "sep", "oktober", "october", "okt", "oct",
        "november", "nov", "december", "dec",
    };

    /// <summary>A time ahead said outright (<see cref="IntentLexicon.FutureTime"/>) or a date.</summary>
    public bool SaysWhenAhead() => Has(IntentLexicon.FutureTime) || NamesADate();

    /// <summary>A day of a month, either way round: "3 juni", "den 14:e mars", "14 March", "March 14th".</summary>
    public bool NamesADate()
    {
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (!Months.Contains(Tokens[i]))
            {
                continue;
            }

            // "14:e" and "3e" come apart as "14" "e" (spelled out "ar"); "14th" stays one token.
            var before = i >= 1 && IsDay(Tokens[i - 1]) || (i >= 2 && IsDay(Tokens[i - 2]) && Tokens[i - 1] is "ar" or "e" or "th" or "st" or "nd" or "rd");
            var after = i + 1 < Tokens.Count && IsDay(Tokens[i + 1]);
            if (before || after)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// When an event is, as members write it in a notice: a time ahead (<see cref="SaysWhenAhead"/>), a stretch it fills
    /// said with a word of notice ("heads up ... all weekend"), a weekday shortened and not past ("tors 18.00", "på fre", but "i tors" is last
    /// Thursday), or a day of this month by its ordinal ("den 12e", "on the 20th", not "the 1st floor" or "den 3e gången").
    /// Only for reading a notice: said of something going on or done, these are no time ahead.
    /// </summary>
    public bool SaysWhenScheduled()
    {
        if (SaysWhenAhead() || (Has(IntentLexicon.Stretch) && Has(IntentLexicon.Notice)))
        {
            return true;
        }

        for (var i = 0; i < Tokens.Count; i++)
        {
            var before = i > 0 ? Tokens[i - 1] : string.Empty;
            var after = i + 1 < Tokens.Count ? Tokens[i + 1] : string.Empty;
            // "mån" and "sön" fold into "man" and "son": not read.
            if (Tokens[i] is "tis" or "ons" or "tors" or "fre" or "lor" && before is not ("i" or "forra" or "last"))
            {
                return true;
            }

            var ordinal = IsDay(Tokens[i]) && (Tokens[i].EndsWith("th", StringComparison.Ordinal) || Tokens[i].EndsWith("st", StringComparison.Ordinal)
                || Tokens[i].EndsWith("nd", StringComparison.Ordinal) || Tokens[i].EndsWith("rd", StringComparison.Ordinal) || Tokens[i].EndsWith('e')
                || (Tokens[i].All(char.IsAsciiDigit) && after is "e" or "a" or "ar"));
            var counted = i + 2 < Tokens.Count && after is "e" or "a" or "ar" ? Tokens[i + 2] : after;
            if (ordinal && before is "den" or "the" && !OrdinalNouns.Contains(counted))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A verb in the past: a weak preterite by its ending ("ringde", "changed") or a common strong one ("hade", "blev",
    /// "kom", "was", "had"). "var" is left out: it is also "where" and "each".
    /// </summary>
    public bool TellsPast() => Tokens.Any(t => (IsPastForm(t) && !t.EndsWith("side", StringComparison.Ordinal)) || StrongPast.Contains(t)); // not "inside", "outside"

    private static readonly HashSet<string> StrongPast = new(StringComparer.Ordinal)
    {
        "hade", "blev", "kom", "fick", "sa", "sade", "gick", "stod", "satt", "skrek", "tog", "slog", "sag", "was", "were", "had", "got",
        "came", "went", "said", "did",
    };

    /// <summary>What an ordinal counts when it is no day: "the 1st floor", "den 3e gången", "the 2nd one".</summary>
    private static readonly HashSet<string> OrdinalNouns = new(StringComparer.Ordinal)
    {
        "floor", "time", "times", "one", "ones", "meeting", "round", "try", "attempt", "place", "gangen", "gang", "vaningen", "vaning",
        "platsen", "plats", "forsoket", "motet", "omgangen", "dagen",
    };

    /// <summary>1 to 31, possibly with an ordinal ending ("3e", "14th", "21st").</summary>
    private static bool IsDay(string token)
    {
        var digits = token.TrimEnd('a', 'e', 't', 'h', 's', 'n', 'd', 'r', ':');
        return digits.Length is 1 or 2 && digits.All(char.IsAsciiDigit) && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 31;
    }

    /// <summary>A cue occurs where the word before it is none of <paramref name="before"/> ("står vid" but not "jag står vid").</summary>
    public bool HasNotAfter(Cue[] cues, Cue[] before) =>
        cues.Any(c => c.IsIn(Tokens, start => start == 0 || !before.Any(b => b.IsIn([Tokens[start - 1]], Typos)), Typos));

    /// <summary>A cue occurs where the word after its first word is none of <paramref name="after"/> ("nån" but not "nån annan").</summary>
    public bool HasNotFollowedBy(Cue[] cues, Cue[] after) =>
        cues.Any(c => c.IsIn(Tokens, start => start + 1 >= Tokens.Count || !after.Any(a => a.IsIn([Tokens[start + 1]], Typos)), Typos));

    /// <summary>
    /// A cue opens the message or a clause (at the start, or right after one of <paramref name="openers"/>) and what follows
    /// in the next two words is not told as done ("nån tipsade om boten", "they changed the room") or wanted ("nån att prata med").
    /// </summary>
    public bool HasOpening(Cue[] cues, Cue[] openers) =>
        cues.Any(c => c.IsIn(
            Tokens,
            start => OpensClause(start, openers) && !Tokens.Skip(start + 1).Take(2).Any(t => t is "att" or "to" or "var" or "was" or "were" || IsPastForm(t)),
            Typos));

    /// <summary>
    /// A named person (han, she, mannen) opening a clause with an act in the present next ("he holds something metal",
    /// "han står vid bilen"): not the verbs of being, thinking or sensing ("he is my colleague", "dom tycker", "bilen luktar").
    /// </summary>
    public bool HasActingNow(Cue[] cues, Cue[] openers) =>
        cues.Any(c => c.IsIn(Tokens, start => OpensClause(start, openers) && Tokens.Skip(start + 1).Take(2).Any(IsPresentAct), Typos));

    /// <summary>The token at <paramref name="start"/> opens the message or follows one of <paramref name="openers"/>.</summary>
    private bool OpensClause(int start, Cue[] openers) => start == 0 || openers.Any(o => o.IsIn([Tokens[start - 1]], Typos));

    /// <summary>A present act by its ending, tokens folded ("står" is "star", "låter" is "later").</summary>
    private static bool IsPresentAct(string token) =>
        token.Length > 3 && token is not ("this" or "thus" or "always" or "perhaps" or "sometimes" or "yours" or "ours" or "hers" or "theirs" or "says" or "does" or "goes" or "seems" or "thinks" or "wants" or "needs" or "likes" or "works"
            or "smells" or "sounds" or "looks" or "luktar" or "later" or "verkar" or "tycker" or "tror" or "heter" or "jobbar" or "arbetar" or "undrar" or "ringer" or "mejlar" or "skriver")
        && (token.EndsWith('s') || token.EndsWith("er", StringComparison.Ordinal) || token.EndsWith("ar", StringComparison.Ordinal) || token is "star" or "gar" or "slar");

    /// <summary>A preterite by its ending: "tipsade", "ringde", "köpte", "changed" (long enough not to be "ute" or "need").</summary>
    private static bool IsPastForm(string token) =>
        token.Length > 4 && (token.EndsWith("de", StringComparison.Ordinal) || token.EndsWith("te", StringComparison.Ordinal) || token.EndsWith("ed", StringComparison.Ordinal));

    /// <summary>A cue occurs where none of the <paramref name="back"/> words before it is one of <paramref name="before"/>.</summary>
    public bool HasNotPrecededBy(Cue[] cues, Cue[] before, int back) =>
        cues.Any(c => c.IsIn(
            Tokens,
            start => !Enumerable.Range(Math.Max(0, start - back), Math.Min(back, start)).Any(i => before.Any(b => b.IsIn([Tokens[i]], Typos))),
            Typos));

    /// <summary>Every token is one of the words (each cue read as single words).</summary>
    public bool OnlyUses(Cue[] words) => Tokens.All(t => words.Any(c => c.IsIn([t], Typos)));
}
