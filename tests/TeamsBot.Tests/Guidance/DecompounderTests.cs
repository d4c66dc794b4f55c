namespace Trygg.Guidance;

public sealed class DecompounderTests
{
    private readonly Decompounder _decompounder = new(["polis", "anmälan", "säkerhet", "ansvarig", "stad", "ledning", "kontoret", "media", "kontakter", "hot", "samtal"]);

    [Theory]
    [InlineData("polisanmälan", new[] { "polis", "anmälan" })]
    [InlineData("säkerhetsansvarig", new[] { "säkerhet", "ansvarig" })] // linking s
    [InlineData("stadsledningskontoret", new[] { "stad", "ledning", "kontoret" })]
    [InlineData("mediekontakter", new[] { "media", "kontakter" })] // media → medie-
    [InlineData("hotsamtal", new[] { "hot", "samtal" })] // a compound the guidance never uses
    [InlineData("hotsamtalet", new[] { "hot", "samtalet" })] // the last part inflected
    public void Split_Compound_GivesKnownParts(string word, string[] parts) =>
        Assert.Equal(parts, _decompounder.Split(word));

    [Theory]
    [InlineData("polis")]
    [InlineData("polisen")]
    [InlineData("hotell")]
    [InlineData("samtalston")]
    public void Split_NotACompoundOfKnownWords_IsEmpty(string word) =>
        Assert.Empty(_decompounder.Split(word));

    [Fact]
    public void SplitFolded_TypedWithoutDiacritics_GivesTheWrittenParts() =>
        Assert.Equal([["polis"], ["anmälan"]], _decompounder.SplitFolded("polisanmalan"));
}
