using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Cases.Rules;
using Trygg.Texts;

namespace Trygg.Cases;

/// <summary>Where a report's message to one recipient stands, as the outbox knows it.</summary>
public enum DeliveryState
{
    /// <summary>Not out yet: queued, retrying, or waiting for a channel or a service URL.</summary>
    Waiting,

    /// <summary>Teams accepted it.</summary>
    Delivered,

    /// <summary>Given up (Teams refused, or every attempt failed); the security unit has been told.</summary>
    NotDelivered,
}

/// <summary>One recipient of a report's first announcement and its delivery state (null: not messaged in Teams, e.g. phoned).</summary>
public sealed record RecipientDelivery(RecipientRole Role, string Name, DeliveryState? State)
{
    /// <summary>The state of the recipient with <paramref name="role"/> and <paramref name="name"/>, or null when it has none.</summary>
    public static DeliveryState? Of(IReadOnlyList<RecipientDelivery>? deliveries, RecipientRole role, string name) =>
        deliveries?.FirstOrDefault(d => d.Role == role && string.Equals(d.Name, name, StringComparison.Ordinal))?.State;
}

/// <summary>The words for delivery states, for the member (receipt) and for staff (case cards), in Swedish and English.</summary>
internal sealed record DeliveryStateTexts(
    string Waiting,
    string Delivered,
    string NotDelivered,
    string MemberNotDelivered,
    string DeliveryLabel,
    string CouldNotReachFormat)
{
    public static DeliveryStateTexts For(Language language) => LocalizedTexts.For<DeliveryStateTexts>(language);

    /// <summary>How staff read a state.</summary>
    public string Staff(DeliveryState state) => state switch
    {
        DeliveryState.Delivered => Delivered,
        DeliveryState.NotDelivered => NotDelivered,
        _ => Waiting,
    };

    /// <summary>How the member reads a state: a failure says that someone is told.</summary>
    public string Member(DeliveryState state) => state == DeliveryState.NotDelivered ? MemberNotDelivered : Staff(state);
}
