using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation.Handover;

/// <summary>Data of Conversation/Cards/Handover.json: the 1:1 message that continues a flow started in a group.</summary>
public sealed record HandoverCard(string Title, string Body, string Continue, string Verb)
{
    public const string Template = "Conversation/Handover";

    public static HandoverCard For(Language language, string verb)
    {
        var t = HandoverTexts.For(language);
        return new HandoverCard(t.Title, t.Body, t.Continue, verb);
    }

    public AdaptiveCard Render(ICardRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return renderer.Render(Template, this);
    }
}
