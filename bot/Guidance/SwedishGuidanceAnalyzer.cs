using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Trygg.Guidance;

/// <summary>
/// Analysis of Swedish guidance text: lower case, stop words, Snowball stemming and, when a <see cref="Decompounder"/>
/// is given, the parts of compounds at the same position ("polisanmälan" also yields "polis" and "anmäl").
/// Å, ä and ö are kept: "våld" and "vald" (as in förtroendevald), "brå" and "bra" are different words. A question
/// typed without them is restored against the index's own words (<see cref="GuidanceVocabulary"/>), not folded here.
/// </summary>
public sealed partial class SwedishGuidanceAnalyzer(Decompounder? decompounder = null) : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Words of asking and chatting, not of the topic; as typed with and without å/ä/ö.</summary>
    private static readonly string[] SwedishQuestionWords =
    [
        "hur", "vad", "va", "nån", "nåt", "nåra", "ngn", "ngt", "någon", "något", "ska", "skall", "kan", "kunna", "måste", "får", "fick", "finns", "fanns",
        "gör", "göra", "gjort", "gjorde", "vill", "ville", "bra", "ens", "typ", "liksom", "egentligen", "borde", "bör", "behöver", "behövs",
        "jag", "mig", "mej", "min", "mitt", "mina", "är", "e", "vem", "vilka", "vilken", "vilket", "när", "var", "vart", "varför", "då", "så",
        "nu", "ok", "okej", "också", "även", "bara", "just", "själv", "sig", "sej", "dig", "dej", "o", "å", "eller", "annars", "ju", "väl", "ännu",
        "tex", "t", "ex", "dvs", "osv", "etc", "pga", "enl", "enligt", "andra", "annan", "annat", "ordna", "fixa", "skickade", "skickar", "tar", "ta", "tog", "igår", "idag", "imorgon", "snart", "nyss", "redan", "hela", "efter", "nästan", "grej", "grejen", "sak", "saken", "folk", "liksom", "säger",
        "hittar", "hitta", "hitta", "dumt", "dum", "klokt", "smart", "vettigt", "rimligt", "okej", "funkar", "fungerar", "fixar", "länge",
        "verkligen", "faktiskt", "ungefär", "mest", "lite", "mycket", "massa", "jätte", "helt", "precis", "ändå", "iaf", "isf", "typ", "hej", "tack", "snälla", "undrar", "frågar", "vet", "veta", "tror", "tycker", "menar",
        "sånt", "sån", "sådan", "sådant", "sådana", "dom", "dem", "de", "nåt", "något", "några", "man", "en", "ett", "den", "det", "detta", "denna",
        "alltså", "visst", "gärna", "kanske", "egen", "eget", "egna", "hen", "hon", "han", "ni", "vi", "oss", "er", "era", "din", "ditt", "dina",
        "sitter", "sitt", "sina", "handlar", "blir", "bli", "blev", "blivit", "varit", "vara", "är", "va", "har", "hade", "haft",
        "innebär", "innebära", "menas", "betyder", "betyda",
    ];

    /// <summary>English questions are translated by expansion; their function words must not count as unmatched content.</summary>
    private static readonly string[] EnglishFunctionWords =
    [
        "the", "a", "an", "is", "are", "was", "were", "be", "been", "being", "am", "to", "of", "do", "does", "did", "done", "i", "what", "how", "who",
        "whom", "whose", "which", "when", "where", "why", "my", "mine", "me", "we", "our", "us", "you", "your", "it", "its", "in", "on", "at", "for",
        "with", "about", "from", "into", "out", "if", "or", "and", "but", "not", "no", "yes", "can", "could", "should", "would", "will", "shall",
        "may", "might", "must", "have", "has", "had", "get", "gets", "got", "getting", "there", "this", "that", "these", "those", "someone",
        "somebody", "something", "anyone", "anybody", "anything", "any", "every", "all", "some", "they", "them", "their", "he", "she", "him",
        "her", "his", "so", "than", "then", "up", "down", "go", "goes", "going", "gone", "new", "clear", "need", "needs", "want", "wants", "like",
        "really", "just", "also", "after", "before", "during", "s", "re", "m", "ll", "ve", "d", "t", "please", "hi", "hello", "thanks", "ok",
        "okay", "know", "think", "mean", "does", "doing", "make", "makes", "made", "let", "lets", "via", "by", "as", "way", "ways", "thing", "things",
        "someone's", "myself", "yourself", "whether", "still", "even", "only", "very", "much", "many", "more", "most", "other", "others", "else",
        "what's", "whats", "im", "i'm", "dont", "don't", "can't", "cant", "isn't", "isnt", "it's", "there's", "theres", "wh",
        "means", "meant", "meaning", "give", "gives", "given", "against", "matter", "matters", "take", "takes", "took", "find", "found", "come", "comes", "came", "put",
        "use", "used", "using", "try", "trying", "ask", "asked", "asking", "here", "now", "today", "yesterday", "tomorrow", "actually",
        "ever", "never", "always", "sometimes", "maybe", "perhaps", "sure", "kind", "sort", "lot", "lots", "bit", "stuff", "anyway",
    ];

    /// <summary>Every stop word as written with å/ä/ö and as folded, so "nar" and "när" are both dropped.</summary>
    internal static readonly CharArraySet StopWords = BuildStopWords();

    /// <summary>True for letters Swedish writes that members often type without (å, ä, ö, é).</summary>
    internal static bool HasDiacritics(string term) => term.AsSpan().IndexOfAny(Diacritics) >= 0;

    private static readonly System.Buffers.SearchValues<char> Diacritics = System.Buffers.SearchValues.Create("åäöéèüøæ");

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new StopFilter(Version, stream, StopWords);
        if (decompounder is not null)
        {
            stream = new CompoundPartsFilter(stream, decompounder);
        }

        stream = new StemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>Letters and digits only: "SKR:s", "kf-möte" and "e-tjänst" split the same way in text and question.</summary>
    internal static string Plain(string text) => NotWord().Replace(text, " ");

    /// <summary>The distinct analyzed terms of a text, in first-seen order.</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        using var stream = GetTokenStream("text", new StringReader(Plain(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var t = term.ToString();
            if (!terms.Contains(t))
            {
                terms.Add(t);
            }
        }

        stream.End();
        return terms;
    }

    /// <summary>
    /// The stem of one lower-case word: Snowball, then two things Swedish Snowball leaves: the definite "-et"
    /// ("partiet", "hotet", "mötet" → "parti", "hot", "möt", as "parti", "hot", "möte" stem) and a genitive s before
    /// another ending ("ledamöters" → "ledamöt", as "ledamöter"), so the forms a member and the guidance use meet.
    /// </summary>
    internal static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var stemmer = Stemmer.Value!;
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = stemmer.Current;

        // A genitive s is all Snowball took ("ledamöters", "partiets"): stem the word without it, as Snowball would.
        if (word.Length > 4 && word[^1] == 's' && stem.Length == word.Length - 1)
        {
            stemmer.SetCurrent(stem);
            stemmer.Stem();
            var again = stemmer.Current;
            return again == stem ? WithoutDefiniteEt(stem) : again;
        }

        // The definite plural of a neuter noun in -e ("mötena", "ärendena", "åtagandena"): Snowball knows -arna, -erna and
        // -orna but not -ena, and took only the a ("möten"); without the "na" it stems like the other forms ("möt").
        if (word.Length >= 6 && word.EndsWith("ena", StringComparison.Ordinal) && stem.Length == word.Length - 1)
        {
            stemmer.SetCurrent(word[..^2]);
            stemmer.Stem();
            return stemmer.Current;
        }

        // Only when Snowball took nothing: "valarbete" → "valarbet" must stay, "valarbetet" follows it.
        return stem == word ? WithoutDefiniteEt(stem) : stem;
    }

    private static string WithoutDefiniteEt(string stem) =>
        stem.Length >= 5 && stem.EndsWith("et", StringComparison.Ordinal) ? stem[..^2] : stem;

    private static readonly ThreadLocal<SwedishStemmer> Stemmer = new(() => new SwedishStemmer());

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex NotWord();

    private static CharArraySet BuildStopWords()
    {
        var words = SwedishAnalyzer.DefaultStopSet.Select(w => w.ToString() ?? string.Empty)
            .Concat(SwedishQuestionWords)
            .ToList();
        words.AddRange(words.Select(SwedishFold.Fold).ToList());
        words.AddRange(EnglishFunctionWords);
        return new CharArraySet(Version, words.Distinct(StringComparer.Ordinal).ToList(), ignoreCase: true);
    }

    /// <summary>Replaces each token by its <see cref="Stem"/>.</summary>
    private sealed class StemFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;

        public StemFilter(TokenStream input)
            : base(input) => _term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var stem = Stem(_term.ToString());
            _term.SetEmpty().Append(stem);
            return true;
        }
    }

    /// <summary>Emits a token and then its compound parts at the same position.</summary>
    private sealed class CompoundPartsFilter : TokenFilter
    {
        private readonly Decompounder _decompounder;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _position;
        private readonly Queue<string> _pending = new();
        private State? _state;

        public CompoundPartsFilter(TokenStream input, Decompounder decompounder)
            : base(input)
        {
            _decompounder = decompounder;
            _term = AddAttribute<ICharTermAttribute>();
            _position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_pending.Count > 0 && _state is not null)
            {
                RestoreState(_state);
                _term.SetEmpty().Append(_pending.Dequeue());
                _position.PositionIncrement = 0;
                return true;
            }

            if (!m_input.IncrementToken())
            {
                return false;
            }

            foreach (var part in _decompounder.Split(_term.ToString()))
            {
                _pending.Enqueue(part);
            }

            _state = _pending.Count > 0 ? CaptureState() : null;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _pending.Clear();
            _state = null;
        }
    }
}

/// <summary>å, ä → a; ö, ø → o; é, è → e; ü → u (lower case in, lower case out).</summary>
internal static class SwedishFold
{
    public static char Fold(char c) => c switch
    {
        'å' or 'ä' or 'à' or 'á' or 'æ' => 'a',
        'ö' or 'ø' or 'ó' => 'o',
        'é' or 'è' or 'ê' => 'e',
        'ü' => 'u',
        _ => c,
    };

    public static string Fold(string s) => string.Create(s.Length, s, (span, src) =>
    {
        for (var i = 0; i < src.Length; i++)
        {
            span[i] = Fold(char.ToLowerInvariant(src[i]));
        }
    });
}
