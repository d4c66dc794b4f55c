using Trygg.Cards;

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
}
