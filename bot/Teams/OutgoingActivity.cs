using System.Text.Json;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Teams.Wire;

namespace Trygg.Teams;

/// <summary>Builds the activities the bot sends.</summary>
public static class OutgoingActivity
{
    /// <summary>A reply in the conversation of <paramref name="incoming"/>, from the bot to the member.</summary>
    public static Activity For(Activity incoming, Reply reply)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var activity = Message(reply);
        activity.From = incoming.Recipient is null ? null : new ChannelAccount { Id = incoming.Recipient.Id, Name = incoming.Recipient.Name };
        activity.Recipient = incoming.From is null ? null : new ChannelAccount { Id = incoming.From.Id, Name = incoming.From.Name };
        activity.Conversation = incoming.Conversation is null ? null : new ConversationAccount { Id = incoming.Conversation.Id };
        activity.ReplyToId = incoming.Type == ActivityTypes.Message ? incoming.Id : null;
        activity.Locale = incoming.Locale;
        return activity;
    }

    /// <summary>A message carrying text, or one card and no text (so the card can be updated later).</summary>
    public static Activity Message(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply switch
        {
            Reply.Text text => new Activity { Type = ActivityTypes.Message, Text = text.Value, TextFormat = text.Plain ? "plain" : "markdown" },
            Reply.Card card => CardMessage(card.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(reply)),
        };
    }

    public static Activity CardMessage(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Attachments =
            [
                new Attachment
                {
                    ContentType = AdaptiveCard.ContentType,
                    Content = JsonDocument.Parse(card.Json).RootElement.Clone(),
                },
            ],
        };
    }
}
