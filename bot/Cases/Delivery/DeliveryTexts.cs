using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Cases.Delivery;

/// <summary>What the bot says when a security channel is registered, in Swedish and English.</summary>
internal sealed record DeliveryTexts(
    string RegisteredFormat,
    string NotAdministrator,
    string OnlyInChannel,
    string And)
{
    public static DeliveryTexts For(Language language) => LocalizedTexts.For<DeliveryTexts>(language);

    /// <summary>"A, B och C".</summary>
    public string List(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} {And} {names[^1]}";
    }
}
