using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation.Handover;

/// <summary>What the bot says when a private flow is started in a group chat or a channel, in both languages.</summary>
public sealed record HandoverTexts(string InGroup, string InGroupAcute, string Title, string Body, string Continue)
{
    public static HandoverTexts Swedish => For(Language.Swedish);

    public static HandoverTexts English => For(Language.English);

    public static HandoverTexts For(Language language) => LocalizedTexts.For<HandoverTexts>(language);
}
