using System.Text.Json.Nodes;

namespace Trygg.Testing.Cases;

/// <summary>Every string in a card's JSON, decoded and joined by new lines: what to search for words (the raw JSON escapes å, ä, ö).</summary>
public static class CardText
{
    public static string Of(string json) => Of(JsonNode.Parse(json));

    public static string Of(JsonNode? node) => string.Join('\n', Strings(node));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
