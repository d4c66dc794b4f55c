namespace Trygg.Guidance;

public sealed class SwedishGuidanceAnalyzerTests
{
    private static IReadOnlyList<string> Terms(string text)
    {
        using var analyzer = new SwedishGuidanceAnalyzer();
        return analyzer.Terms(text);
    }

    [Theory]
    [InlineData("säkerhet", "sakerhet")]
    [InlineData("förtroendevald", "fortroendevald")]
    [InlineData("Åtkomstskydd", "atkomstskydd")]
    [InlineData("nämnd", "NAMND")]
    [InlineData("polisanmälan", "polisanmalan")]
    public void Terms_WithAndWithoutDiacritics_AreTheSame(string with, string without) =>
        Assert.Equal(Terms(with), Terms(without));

    [Theory]
    [InlineData("polisen", "polis")]
    [InlineData("säkerheten", "säkerhet")]
    [InlineData("förtroendevalda", "förtroendevald")]
    [InlineData("nämnderna", "nämnden")]
    public void Terms_Inflections_StemTogether(string inflected, string basic) =>
        Assert.Equal(Terms(basic), Terms(inflected));

    [Theory]
    [InlineData("polisanmälan", "anmäla till polisen")]
    [InlineData("säkerhetsansvarig", "ansvarig för säkerheten")]
    [InlineData("hotbild", "hot")]
    public void Terms_Compound_SharesThePartsWrittenApart(string compound, string apart)
    {
        var parts = Terms(apart);
        Assert.NotEmpty(parts);
        Assert.All(parts, p => Assert.Contains(p, Terms(compound)));
    }

    [Fact]
    public void Terms_OnlyQuestionAndStopWords_IsEmpty() =>
        Assert.Empty(Terms("hur gör jag det och vad ska jag göra nu?"));

    [Fact]
    public void Terms_QuerySyntax_IsJustText() =>
        Assert.Equal(Terms("hot polis"), Terms("hot* AND \"polis\"~ (OR:"));
}
