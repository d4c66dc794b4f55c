namespace Trygg.Cases.Police;

public sealed class PoliceCaseNumberTests
{
    [Theory]
    [InlineData("5000-K123456-26", "5000-K123456-26")]
    [InlineData("  5000-K123456-26 ", "5000-K123456-26")]
    [InlineData("5000 K123456  26", "5000 K123456 26")]
    [InlineData("K1234-26", "K1234-26")]
    [InlineData("0200/2026/1234", "0200/2026/1234")]
    public void Normalise_ALikelyNumber_KeptTrimmed(string typed, string stored) =>
        Assert.Equal(stored, PoliceCaseNumber.Normalise(typed));

    [Theory]
    [InlineData("")]
    [InlineData("hej")]
    [InlineData("vet inte")]
    [InlineData("jag ringde dem i går")]
    [InlineData("123")]
    [InlineData("<script>1234</script>")]
    [InlineData("-5000-K123456-26")]
    [InlineData("5000-K123456-26-5000-K123456-26-5000-K123456")]
    public void Normalise_Nonsense_Refused(string typed) =>
        Assert.Null(PoliceCaseNumber.Normalise(typed));
}
