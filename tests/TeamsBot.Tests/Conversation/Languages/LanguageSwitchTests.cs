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
    public void Parse_LanguageAlone_IsThatLanguage(string text, Language expected) => Assert.Equal(expected, LanguageSwitch.Parse(text));

    [Theory]
    [InlineData("jag pratar inte svenska så bra")]
    [InlineData("hur säger man hot på engelska")]
    [InlineData("hej")]
    [InlineData(null)]
    public void Parse_SentenceAboutALanguage_IsNoSwitch(string? text) => Assert.Null(LanguageSwitch.Parse(text));
}
