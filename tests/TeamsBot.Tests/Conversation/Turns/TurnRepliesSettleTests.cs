using Trygg.Cards;
using Trygg.Texts;

namespace Trygg.Conversation.Turns;

public sealed class TurnRepliesSettleTests
{
    [Fact]
    public void SettleExecute_OnlyATextMessage_BecomesTheInvokeMessage()
    {
        var replies = new TurnReplies();
        replies.SendText("Registrerad.");

        replies.SettleExecute();

        Assert.Equal(new ExecuteResult.Message("Registrerad."), replies.ExecuteResult);
        Assert.Empty(replies.Replies);
    }

    [Fact]
    public void SettleExecute_ACard_ReplacesTheClickedCard()
    {
        var replies = new TurnReplies();
        var card = new AdaptiveCard("{\"type\":\"AdaptiveCard\"}");
        replies.SendText("först");
        replies.SendCard(card);

        replies.SettleExecute();

        Assert.Equal(new ExecuteResult.ReplaceCard(card), replies.ExecuteResult);
        Assert.Single(replies.Replies);
    }

    [Fact]
    public void SettleExecute_AnswerAlreadyGiven_KeepsEverything()
    {
        var replies = new TurnReplies();
        replies.SendText("also sent");
        replies.ShowMessage("answer");

        replies.SettleExecute();

        Assert.Equal(new ExecuteResult.Message("answer"), replies.ExecuteResult);
        Assert.Single(replies.Replies);
    }

    [Theory]
    [InlineData(TurnKind.CardExecute, true)]
    [InlineData(TurnKind.CardSubmit, false)]
    [InlineData(TurnKind.Message, false)]
    public void ShowText_AnswersAButtonPressInPlace_AndAnythingElseWithAMessage(TurnKind kind, bool inPlace)
    {
        var replies = new TurnReplies();
        var turn = new Turn(kind, "t", "a:1", ConversationScope.Personal, new Participant("29:1", "u", "Ledamot"), Language.Swedish, DateTimeOffset.UnixEpoch);

        replies.ShowText(turn, "Klart.");

        Assert.Equal(inPlace ? new ExecuteResult.Message("Klart.") : null, replies.ExecuteResult);
        Assert.Equal(inPlace ? [] : [new Reply.Text("Klart.")], replies.Replies);
    }
}
