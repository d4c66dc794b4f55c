using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation.Languages;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("jag har blivit hotad")]
    [InlineData("hej")]
    [InlineData("Hjälp")]
    [InlineData("nån har skrivit hemska saker om mig pa insta vad gor jag")]
    [InlineData("kan jag fa hjalp att sakra mitt hem")]
    [InlineData("vem ringer jag i helgen om nån hotar mig")]
    [InlineData("han står utanför")]
    [InlineData("vad ska jag tänka på inför valrörelsen")]
    [InlineData("meny")] // short Swedish with no small word: the word itself, or its spelling, tells
    [InlineData("kontakt sakerhetschef")]
    [InlineData("kostar malsagandebitrade nat")]
    [InlineData("jourtelefonen?")] // a long word with a definite ending
    [InlineData("brottsofferjouren nr?")]
    [InlineData("akut!! kniv")] // words of danger with no small word: a frightened member's Swedish
    [InlineData("brinner")]
    public void Detect_SwedishText_IsSwedish(string text) => Assert.Equal(Language.Swedish, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("I have been threatened")]
    [InlineData("help")]
    [InlineData("who do I call")]
    [InlineData("someone is standing outside my house")]
    [InlineData("I'm scared")]
    [InlineData("how do I report to the police?")]
    [InlineData("menu")]
    [InlineData("whatsapp threats")] // spelling: wh, th
    [InlineData("my children are frightened")]
    [InlineData("I need the phone number for Säkerhet och beredskap")] // a Swedish unit's name in an English sentence
    [InlineData("we want to tell Kommunstyrelsen about it")]
    [InlineData("What counts as unlawful influence (otillåten påverkan)?")] // a Swedish term in brackets
    [InlineData("He wrote 'du ska få se vad som händer' on my wall")] // a Swedish threat quoted
    public void Detect_EnglishText_IsEnglish(string text) => Assert.Equal(Language.English, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("ok")]
    [InlineData("🆘")]
    [InlineData("112")]
    [InlineData("TRY-2026-0042")]
    public void Detect_TooShortToTell_IsNull(string text) => Assert.Null(LanguageDetector.Detect(text));
}
