namespace Trygg.Cards;

/// <summary>A rendered Adaptive Card (version 1.5), ready to attach to a message. Opaque to features.</summary>
public sealed record AdaptiveCard(string Json)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
}

/// <summary>
/// Expands an embedded Adaptive Card template with typed data. Templates live next to their feature as
/// <c>bot/&lt;Feature&gt;/Cards/&lt;Name&gt;.json</c> and are named "&lt;Feature&gt;/&lt;Name&gt;".
/// Data is bound as JSON values, so user text can never break out of its string.
/// </summary>
public interface ICardRenderer
{
    AdaptiveCard Render<TData>(string templateName, TData data);
}
