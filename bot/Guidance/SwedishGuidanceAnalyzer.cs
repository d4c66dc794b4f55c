using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Trygg.Guidance;

/// <summary>
/// Index and query analysis for Swedish guidance text: lower case, å/ä/ö/é folded (members often type without
/// them), stop words, Snowball stemming, then compounds split on known parts ("polisanmälan" also yields "polis" and "anmäl"). Folding
/// comes before stemming so a word stems the same with or without diacritics.
/// </summary>
public sealed class SwedishGuidanceAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Parts of the compounds the guidance and its readers use; folded, unstemmed.</summary>
    private static readonly string[] CompoundParts =
    [
        "polis", "anmal", "sakerhet", "ansvar", "ansvarig", "hot", "hat", "vald", "fortroendeval", "atkomst", "skydd",
        "kommun", "styrelse", "namnd", "fullmaktig", "brott", "offer", "stod", "politik", "parti", "kris",
        "kontor", "stad", "ledning", "arbetsmiljo", "miljo", "handbok", "person", "medvetenhet", "tillbud",
        "rapport", "incident", "handelse", "natverk", "utbildning", "trygghet", "samordn", "kontakt",
        "adress", "telefon", "nummer", "media", "medie", "journalist", "vakt", "larm", "bevakning", "skyddad",
        "utsatt", "trakasseri", "kansli", "forvaltning", "beredskap", "mote", "valdsam", "sociala", "medier",
    ];

    /// <summary>The parts as stems: compounds are split after stemming, so a part matches the stem of the word written alone.</summary>
    private static readonly CharArraySet Dictionary = new(Version, CompoundParts.Select(Stem).Distinct().ToList(), ignoreCase: true);

    /// <summary>Words of asking, not of the topic; they would only add noise to a question's terms.</summary>
    private static readonly string[] SwedishQuestionWords =
        ["hur", "vad", "nan", "nat", "nagon", "nagot", "ska", "kan", "maste", "far", "finns", "gor", "gora", "gjort", "gjorde", "vill", "bra", "ens", "typ", "liksom", "egentligen", "borde", "behover", "jag", "mig", "min", "mitt", "mina", "ar", "vem", "vilka", "vilken", "nar", "var", "varfor", "da", "sa", "nu", "ok"];

    /// <summary>English questions are translated by expansion; their function words must not count as unmatched content.</summary>
    private static readonly string[] EnglishFunctionWords =
        ["the", "a", "an", "is", "are", "was", "be", "been", "am", "to", "of", "do", "does", "did", "i", "what", "how", "who", "whom", "which", "when", "where", "why", "my", "me", "we", "our", "us", "you", "your", "it", "its", "in", "on", "at", "for", "with", "about", "from", "into", "out", "if", "or", "and", "but", "not", "no", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "have", "has", "had", "get", "gets", "got", "there", "this", "that", "these", "those", "someone", "somebody", "something", "anyone", "any", "every", "all", "some", "they", "them", "their", "he", "she", "him", "her", "so", "than", "then", "up", "down", "go", "goes", "going", "new", "special", "clear", "need", "want", "like", "really", "just", "also", "after", "before", "during", "s", "re", "m", "ll", "ve", "d", "t"];

    private static readonly CharArraySet StopWords = new(
        Version,
        SwedishAnalyzer.DefaultStopSet.Select(w => SwedishFold.Fold(w.ToString() ?? string.Empty))
            .Concat(SwedishQuestionWords).Concat(EnglishFunctionWords),
        ignoreCase: true);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new SwedishFoldFilter(stream);
        stream = new StopFilter(Version, stream, StopWords);
        stream = new SnowballFilter(stream, new SwedishStemmer());
        stream = new DictionaryCompoundWordTokenFilter(Version, stream, Dictionary, minWordSize: 6, minSubwordSize: 3, maxSubwordSize: 15, onlyLongestMatch: false);
        return new TokenStreamComponents(source, stream);
    }

    private static string Stem(string word)
    {
        var stemmer = new SwedishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>The distinct analyzed terms of a text, in first-seen order.</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream("text", new StringReader(text));
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

    private sealed class SwedishFoldFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;

        public SwedishFoldFilter(TokenStream input)
            : base(input) => _term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var buffer = _term.Buffer;
            for (var i = 0; i < _term.Length; i++)
            {
                buffer[i] = SwedishFold.Fold(buffer[i]);
            }

            return true;
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
