using System.Text.Json.Nodes;

namespace Trygg.Testing;

/// <summary>Walks a rendered card, for asserting what kind of element holds a piece of text.</summary>
public static class CardJson
{
    /// <summary>Every JSON object in <paramref name="node"/>, itself included, depth first.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.Select(p => p.Value).Where(v => v is not null).SelectMany(v => Objects(v!))),
        JsonArray a => a.Where(v => v is not null).SelectMany(v => Objects(v!)),
        _ => [],
    };
}
