namespace Trygg.Conversation.Intents;

public sealed class TypoTests
{
    [Theory]
    [InlineData("hotad", "hotad", true)]
    [InlineData("hotad", "hoatd", true)]
    [InlineData("hotad", "hotat", true)]
    [InlineData("hotad", "hotade", true)]
    [InlineData("hotad", "otad", true)]
    [InlineData("hotad", "hatade", false)]
    [InlineData("hotad", "dahot", false)]
    [InlineData("", "a", true)]
    [InlineData("ab", "ba", true)]
    [InlineData("abc", "cba", false)]
    public void WithinOne_Words_MatchesTheDistance(string a, string b, bool expected)
    {
        Assert.Equal(expected, Typo.WithinOne(a, b));
        Assert.Equal(expected, Typo.WithinOne(b, a));
    }

    [Fact]
    public void WithinOne_RandomPairs_AgreesWithTheFullDistance()
    {
        var random = new Random(7);
        string Word() => new([.. Enumerable.Range(0, random.Next(0, 7)).Select(_ => (char)('a' + random.Next(3)))]);
        for (var n = 0; n < 20_000; n++)
        {
            var (a, b) = (Word(), Word());
            Assert.True(Typo.WithinOne(a, b) == (Typo.Distance(a, b) <= 1), $"'{a}' vs '{b}'");
        }
    }
}
