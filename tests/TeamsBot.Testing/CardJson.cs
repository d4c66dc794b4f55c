using System.Text.Json.Nodes;

namespace Trygg.Testing;

/// <summary>Finds and walks a rendered card, for asserting what a member reads and what kind of element holds it.</summary>
public static class CardJson
{
    /// <summary>Every JSON object in <paramref name="node"/>, itself included, depth first.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.Select(p => p.Value).Where(v => v is not null).SelectMany(v => Objects(v!))),
        JsonArray a => a.Where(v => v is not null).SelectMany(v => Objects(v!)),
        _ => [],
    };

    /// <summary>The first Adaptive Card attached to a recorded message, or null.</summary>
    public static JsonNode? CardOf(JsonNode message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message["attachments"]?.AsArray().FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"];
    }

    /// <summary>All text in a card (TextBlocks and button titles) in the order a member reads it.</summary>
    public static string TextOf(JsonNode? card) => card is null ? string.Empty : string.Join('\n', Texts(card));

    private static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => (p.Key is "text" or "title") && p.Value is JsonValue v && v.TryGetValue<string>(out var s)
            ? [s]
            : p.Value is null ? [] : Texts(p.Value)),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Texts),
        _ => [],
    };
}
