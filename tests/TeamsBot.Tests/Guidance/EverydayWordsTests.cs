namespace Trygg.Guidance;

public sealed class EverydayWordsTests
{
    [Theory]
    [InlineData("tills")]
    [InlineData("Värre")]
    [InlineData("varre")] // typed without å/ä/ö
    [InlineData("ihop")]
    [InlineData("picks")]
    [InlineData("otrevliga")] // words that judge rather than name
    [InlineData("överdrivet")]
    [InlineData("jättearg")] // "jätte" in front of an everyday word
    [InlineData("JATTEDALIGT")]
    [InlineData("havent")] // a contraction typed without the apostrophe
    public void Contains_EverydayWord_IsTrue(string word)
    {
        Assert.True(EverydayWords.Contains(word));
    }

    [Theory]
    [InlineData("parkering")] // a topic
    [InlineData("nästa")] // time words ask when
    [InlineData("next")]
    [InlineData("bort")] // "ta bort" is another verb
    [InlineData("nytt")] // "ett nytt parti"
    [InlineData("många")] // "hur många" asks for an amount
    [InlineData("lång")]
    [InlineData("jättehot")] // "jätte" in front of a topic keeps the topic
    [InlineData("jätte")]
    public void Contains_WordThatMayBeTheQuestion_IsFalse(string word)
    {
        Assert.False(EverydayWords.Contains(word));
    }

    [Fact]
    public void Parse_SkipsCommentsAndBlankLines_AndFoldsDiacritics()
    {
        var words = EverydayWords.Parse("# a comment with värre\n\ntills  ihop\r\nVärre\n");

        Assert.Equal(["ihop", "tills", "varre"], words.Order(StringComparer.Ordinal));
    }
}
