using Trygg.Conversation.Intents;

namespace Trygg.Conversation.Intents;

public sealed class IntentRecognizerTests
{
    [Theory]
    [InlineData("hej")]
    [InlineData("Hej!")]
    [InlineData("  HEJSAN  ")]
    [InlineData("hjälp")]
    [InlineData("hjalp")]
    [InlineData("Hjälp?")]
    [InlineData("help")]
    [InlineData("Hello")]
    [InlineData("hallå där")]
    [InlineData("halla dar")]
    [InlineData("vad kan du göra?")]
    [InlineData("")]
    [InlineData(null)]
    public void Recognize_GreetingsAndHelp_AreHelp(string? text)
    {
        Assert.Equal(Intent.Help, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("jag har blivit hotad")]
    [InlineData("hej, någon står utanför mitt hus")]
    [InlineData("I was threatened")]
    [InlineData("hjälp någon slår mig")]
    public void Recognize_AnythingMore_IsNotHelp(string text)
    {
        Assert.Equal(Intent.Other, IntentRecognizer.Recognize(text));
    }
}
