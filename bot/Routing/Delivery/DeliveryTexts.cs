using Trygg.Conversation.Turns;

namespace Trygg.Routing.Delivery;

/// <summary>What the bot says when a security channel is registered, in Swedish and English.</summary>
internal sealed record DeliveryTexts(
    string RegisteredFormat,
    string NotAdministrator,
    string OnlyInChannel,
    string And)
{
    public static readonly DeliveryTexts Swedish = new(
        RegisteredFormat: "Klart. Den här kanalen tar nu emot rapporter för {0}. Kortet i kanalen visar bara det nödvändigaste; behörig säkerhetspersonal ser detaljerna.",
        NotAdministrator: "Tyvärr, bara en administratör för Trygg kan välja säkerhetskanal. Inget har ändrats.",
        OnlyInChannel: "Skriv det i den kanal som ska ta emot rapporterna, och nämn mig: **@Trygg registrera säkerhetskanal**.",
        And: "och");

    public static readonly DeliveryTexts English = new(
        RegisteredFormat: "Done. This channel now receives reports for {0}. The card in the channel shows only what is needed; authorised security staff see the details.",
        NotAdministrator: "Sorry, only a Trygg administrator can choose the security channel. Nothing has changed.",
        OnlyInChannel: "Write it in the channel that should receive the reports, and mention me: **@Trygg register security channel**.",
        And: "and");

    public static DeliveryTexts For(Language language) => language == Language.English ? English : Swedish;

    /// <summary>"A, B och C".</summary>
    public string List(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} {And} {names[^1]}";
    }
}
