namespace Trygg.Guidance;

public sealed class SwedishGuidanceAnalyzerTests
{
    private static IReadOnlyList<string> Terms(string text, Decompounder? decompounder = null)
    {
        using var analyzer = new SwedishGuidanceAnalyzer(decompounder);
        return analyzer.Terms(text);
    }

    [Theory]
    [InlineData("våld", "vald")] // violence is not "chosen" (as in förtroendevald)
    [InlineData("brå", "bra")]
    [InlineData("hämnd", "hamnd")]
    public void Terms_DiacriticsAreKept_SoDifferentWordsStayDifferent(string with, string without) =>
        Assert.NotEqual(Terms(with), Terms(without));

    [Fact]
    public void Terms_Bra_IsAskingButBra_IsTheCouncil()
    {
        Assert.Empty(Terms("bra"));
        Assert.Equal(["brå"], Terms("Brå"));
    }

    [Theory]
    [InlineData("polisen", "polis")]
    [InlineData("säkerheten", "säkerhet")]
    [InlineData("förtroendevalda", "förtroendevald")]
    [InlineData("nämnderna", "nämnden")]
    [InlineData("partiet", "parti")]
    [InlineData("partiets", "partier")]
    [InlineData("hotet", "hot")]
    [InlineData("mötet", "möte")]
    [InlineData("valarbetet", "valarbete")]
    [InlineData("ledamöters", "ledamöter")]
    [InlineData("mötena", "möte")] // the definite plural of neuter nouns in -e
    [InlineData("ärendena", "ärenden")]
    [InlineData("sammanträdena", "sammanträdet")]
    public void Terms_Inflections_StemTogether(string inflected, string basic) =>
        Assert.Equal(Terms(basic), Terms(inflected));

    [Theory]
    [InlineData("polisanmälan", "anmälan till polisen")]
    [InlineData("säkerhetsansvarig", "ansvarig för säkerheten")]
    [InlineData("hotbild", "hot och bild")]
    [InlineData("mediekontakter", "kontakter med media")]
    public void Terms_Compound_SharesThePartsWrittenApart(string compound, string apart)
    {
        var decompounder = new Decompounder(["polis", "anmälan", "ansvarig", "säkerhet", "hot", "bild", "media", "kontakter"]);
        var parts = Terms(apart, decompounder);
        Assert.NotEmpty(parts);
        Assert.All(parts, p => Assert.Contains(p, Terms(compound, decompounder)));
    }

    [Fact]
    public void Terms_UnknownCompound_IsNotSplit()
    {
        var decompounder = new Decompounder(["polis"]);

        Assert.Equal(["ordningsregl"], Terms("ordningsregler", decompounder));
    }

    [Fact]
    public void Terms_OnlyQuestionAndStopWords_IsEmpty() =>
        Assert.Empty(Terms("hur gör jag det och vad ska jag göra nu? what should I do"));

    [Fact]
    public void Terms_QuerySyntax_IsJustText() =>
        Assert.Equal(Terms("hot polis"), Terms("hot* AND \"polis\"~ (OR:"));

    [Theory]
    [InlineData("SKR:s", "skr s")]
    [InlineData("kf-möte", "kf möte")]
    public void Terms_Punctuation_SplitsLikeSpace(string written, string spaced) =>
        Assert.Equal(Terms(spaced), Terms(written));
}
