using System.Text;
using System.Text.RegularExpressions;

namespace Trygg.Guidance;

/// <summary>
/// Widens a question before analysis: abbreviations members type (gbg, kf) and English words, so a question in
/// English still finds the Swedish text. Expansions are added to the question, never replace it.
/// </summary>
internal static partial class QueryExpansion
{
    private static readonly Dictionary<string, string> Expansions = new(StringComparer.Ordinal)
    {
        // Abbreviations (folded keys).
        ["gbg"] = "göteborg",
        ["gbgs"] = "göteborg",
        ["sthlm"] = "stockholm",
        ["kf"] = "kommunfullmäktige",
        ["ks"] = "kommunstyrelsen",
        ["nr"] = "nummer",
        ["tel"] = "telefon",
        ["insta"] = "instagram",
        ["fb"] = "facebook",
        ["sms"] = "sms meddelande",
        ["skl"] = "skl skr",
        ["skr"] = "skr skl",
        ["sapo"] = "säkerhetspolisen",
        ["bra"] = "brå",
        ["bras"] = "brå",
        // English -> Swedish.
        ["police"] = "polis polisen",
        ["report"] = "anmälan anmäla rapportera",
        ["reporting"] = "anmälan anmäla rapportera",
        ["threat"] = "hot",
        ["threats"] = "hot",
        ["threatened"] = "hotad hot",
        ["harassment"] = "trakasserier",
        ["hate"] = "hat",
        ["violence"] = "våld",
        ["security"] = "säkerhet",
        ["safety"] = "säkerhet trygghet",
        ["protection"] = "skydd",
        ["training"] = "utbildning",
        ["support"] = "stöd",
        ["victim"] = "brottsoffer",
        ["injury"] = "skada",
        ["injured"] = "skadad",
        ["evidence"] = "bevis",
        ["councillor"] = "förtroendevald",
        ["councillors"] = "förtroendevalda",
        ["politician"] = "politiker förtroendevald",
        ["politicians"] = "politiker förtroendevalda",
        ["elected"] = "förtroendevald",
        ["official"] = "förtroendevald",
        ["municipality"] = "kommun",
        ["employees"] = "anställda",
        ["employee"] = "anställd",
        ["employer"] = "arbetsgivare",
        ["work"] = "arbete",
        ["environment"] = "miljö arbetsmiljö",
        ["party"] = "parti",
        ["meeting"] = "möte",
        ["meetings"] = "möte",
        ["address"] = "adress",
        ["protected"] = "skyddad",
        ["crisis"] = "kris",
        ["incident"] = "händelse incident",
        ["compensation"] = "ersättning",
        ["earnings"] = "inkomst",
        ["social"] = "sociala",
        ["media"] = "medier",
        ["journalists"] = "journalister",
        ["press"] = "medier",
        ["guard"] = "vakt",
        ["guards"] = "vakter",
        ["alarm"] = "larm",
        ["emergency"] = "akut",
    };

    public static string Expand(string question)
    {
        var sb = new StringBuilder(question);
        foreach (Match m in Word().Matches(question))
        {
            if (Expansions.TryGetValue(SwedishFold.Fold(m.Value), out var more))
            {
                sb.Append(' ').Append(more);
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
