using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation.Languages;

/// <summary>
/// Tells Swedish from English by the text alone: the small words every sentence needs (jag, är, och, vad / I, is, and,
/// what) and the letters å, ä, ö. Words are compared without diacritics, so "vad gor jag pa insta" is Swedish too.
/// A message with no such word, or as many of each, tells nothing (null): "ok", "🆘", a name, a number.
/// </summary>
internal static partial class LanguageDetector
{
    // Folded (no diacritics, no apostrophe), lower case. Words both languages write alike ("i", "in", "for" (för), "man",
    // "hit", "under", "ok") are in neither.
    private static readonly HashSet<string> SwedishWords = new(StringComparer.Ordinal)
    {
        "jag", "mig", "mej", "min", "mitt", "mina", "du", "dig", "din", "ditt", "han", "hon", "hen", "honom", "henne",
        "vi", "oss", "var", "vara", "de", "dem", "dom", "ni", "er", "nan", "nagon", "nagot", "nagra", "ngn", "ngt",
        "ar", "e", "har", "hade", "blev", "blivit", "ska", "skall", "kan", "kunna", "vill", "maste", "fick", "gor",
        "gora", "gjort", "gjorde", "sager", "sa", "kommer", "finns",
        "och", "att", "det", "den", "en", "ett", "som", "pa", "om", "av", "med", "till", "fran", "hos", "vid",
        "utanfor", "inne", "ute", "efter", "innan", "mot", "nu", "dar", "dit", "igen", "ocksa",
        "inte", "ej", "ingen", "inget", "nej", "ja", "jo", "tack", "hej", "hejsan", "tjena", "hallo", "hjalp", "snalla",
        "vad", "hur", "vem", "vilken", "vilket", "varfor", "nar", "vart", "mycket", "lite", "bara", "aldrig", "alltid",
        "hotad", "hotat", "hot", "hotar", "hotade", "radd", "fara", "polisen", "polisanmala", "rapportera", "anmala",
        "vagledningen", "utbildning", "utbildningen", "mote", "motet", "hemma", "hemmet", "ringer", "ringa", "nummer",
        "numret", "svenska", "engelska", "igar", "idag", "ikvall", "inatt", "imorgon",
        "akut", "kniv", "kniven", "vapen", "brinner", "elden", "hjalpa", "inbrott", "forfoljd", "gomd", "blod", "blor", "slar", "sparkar",
        "meny", "menyn", "nr", "kontakt", "kontakta", "kostar", "kostnad", "sakerhet", "sakerheten", "tjanst", "stod", "jour", "jouren",
        "behover", "vet", "tror", "tycker", "kanns", "kanner", "borde", "skulle", "kunde", "ville", "gick", "sag", "fatt",
        "eller", "nagonting", "dag", "ganger", "gang", "folk", "manniska", "manniskor", "sig", "sin", "sitt", "sina",
        "hans", "hennes", "deras", "sedan", "sen", "annars", "aven", "redan", "fortfarande",
        "hem", "hus", "huset", "dorren", "bilen", "brev", "mejl", "kommunen", "partiet", "skriva", "skrev", "skrivit", "hander", "hant",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "me", "my", "mine", "you", "your", "he", "him", "his", "she", "her", "we", "us", "our", "they", "them", "their",
        "someone", "somebody", "something", "anyone", "im", "ive", "its", "whats", "dont", "cant", "didnt",
        "am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "do", "does", "did", "will", "would",
        "can", "could", "should", "must", "shall", "get", "got", "getting", "says", "said",
        "the", "a", "an", "and", "or", "of", "to", "on", "at", "from", "with", "about", "by", "into", "outside",
        "inside", "after", "before", "now", "here", "there", "again", "also", "this", "that", "these", "those", "it",
        "not", "no", "yes", "yeah", "please", "thanks", "thank", "hello", "hi", "hey", "help",
        "what", "how", "who", "which", "why", "when", "where", "very", "just", "never", "always",
        "threatened", "threat", "threats", "threatening", "scared", "afraid", "danger", "police", "report", "guidance",
        "training", "meeting", "home", "call", "number", "swedish", "english", "yesterday", "today", "tonight", "tomorrow",
        "menu", "contact", "support",
        "need", "needs", "want", "wants", "know", "think", "feel", "feels", "tell", "told", "let", "like", "make", "made", "take",
        "took", "go", "going", "went", "come", "coming", "came", "see", "saw", "seen", "find", "found", "keep", "send",
        "people", "phone", "email", "letter", "house", "door", "car", "council", "party", "city", "municipality",
        "security", "unit", "officer", "week", "night", "day", "time", "way", "any", "anything", "some", "other", "because", "but",
        "if", "so", "than", "then", "whom", "whose", "might", "may", "still", "even", "already", "only", "really",
        "write", "wrote", "written", "happened", "happen", "happens", "gets", "keeps", "someones", "theyre", "hes", "shes",
    };

    /// <summary>The language <paramref name="text"/> is written in, or null when it cannot be told.</summary>
    public static Language? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // A term in brackets or quotes ("unlawful influence (otillåten påverkan)", "the number for 'Säkerhet och beredskap'")
        // is a name or a quotation, not the language the member writes in, unless it is all there is.
        var outside = Quoted().Replace(text, " ");
        if (Word().IsMatch(outside))
        {
            text = outside;
        }

        var swedish = 0;
        var english = 0;
        foreach (Match word in Word().Matches(text.ToLower(CultureInfo.InvariantCulture)))
        {
            if (word.Value.AsSpan().IndexOfAny("åäö") >= 0)
            {
                swedish++;
                continue;
            }

            var folded = Folded(word.Value);
            swedish += SwedishWords.Contains(folded) ? 1 : 0;
            english += EnglishWords.Contains(folded) ? 1 : 0;
        }

        if (swedish == english)
        {
            // No small word tells ("kontakt sakerhetschef", "kostar malsagandebitrade"): the spelling may. Swedish writes
            // k where English writes c ("kontakt") and uses tj, sj and kv; English has th, wh, gh and w.
            foreach (Match word in Word().Matches(text.ToLower(CultureInfo.InvariantCulture)))
            {
                var shape = Shape(Folded(word.Value));
                swedish += shape > 0 ? 1 : 0;
                english += shape < 0 ? 1 : 0;
            }
        }

        return swedish > english ? Language.Swedish : english > swedish ? Language.English : null;
    }

    /// <summary>Positive for a Swedish spelling, negative for an English one, zero when the letters do not tell.</summary>
    private static int Shape(string word)
    {
        if (word.Length < 4)
        {
            return 0;
        }

        var english = word.Contains("th", StringComparison.Ordinal) || word.Contains("wh", StringComparison.Ordinal)
            || word.Contains("gh", StringComparison.Ordinal) || word.Contains('w', StringComparison.Ordinal)
            || word.Replace("ch", "", StringComparison.Ordinal).Replace("ck", "", StringComparison.Ordinal).Contains('c', StringComparison.Ordinal);
        var swedish = word.Contains("tj", StringComparison.Ordinal) || word.Contains("sj", StringComparison.Ordinal)
            || word.Contains("kv", StringComparison.Ordinal) || word.EndsWith("kt", StringComparison.Ordinal)
            || word.Contains("het", StringComparison.Ordinal) && !word.StartsWith("het", StringComparison.Ordinal) && !english
            // A long word with a definite ending ("jourtelefonen", "brottsofferjouren", "partikansliet").
            || (word.Length >= 9 && (word.EndsWith("en", StringComparison.Ordinal) || word.EndsWith("et", StringComparison.Ordinal)) && !english);
        return swedish == english ? 0 : swedish ? 1 : -1;
    }

    private static string Folded(string word)
    {
        var decomposed = word.Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            kept.Append(c);
        }

        return kept.ToString();
    }

    [GeneratedRegex(@"[\p{L}'’]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\([^)]*\)|""[^""]*""|“[^”]*”|”[^”]*”|«[^»]*»|(?<!\p{L})'[^']*'(?!\p{L})")]
    private static partial Regex Quoted();
}
