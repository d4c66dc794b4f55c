using Trygg.Conversation.Intents;

namespace Trygg.Conversation;

public sealed class ConversationHandlerTests
{
    [Fact]
    public void Head_AVeryLongPaste_IsReadFromItsStart_SoDangerAtTheStartIsStillCaught()
    {
        var text = "han står utanför mitt hus nu " + new string('x', 80_000);

        var head = ConversationHandler.Head(text);

        Assert.Equal(ConversationHandler.ReadLength, head.Length);
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(head));
    }

    [Theory]
    [InlineData("hej", "hej")]
    [InlineData(null, "")]
    public void Head_AShortMessage_IsReadWhole(string? text, string expected)
    {
        Assert.Equal(expected, ConversationHandler.Head(text));
    }
}
