using System.Text.Json.Nodes;
using Trygg.Conversation.Turns;

namespace Trygg.Members.Profile;

/// <summary>Reads a rendered card the way a member sees it: elements in order, inputs by id, the buttons.</summary>
internal sealed class ProfileCardInspection
{
    private readonly List<JsonObject> _elements = [];

    public ProfileCardInspection(string json)
    {
        Root = JsonNode.Parse(json)!.AsObject();
        Collect(Root["body"]!.AsArray());
    }

    public JsonObject Root { get; }

    public IReadOnlyList<JsonObject> Elements => _elements;

    public IReadOnlyList<JsonObject> Actions => [.. Root["actions"]!.AsArray().Select(a => a!.AsObject())];

    public static ProfileCardInspection Replaced(TurnReplies replies) =>
        new(Assert.IsType<ExecuteResult.ReplaceCard>(replies.ExecuteResult).Value.Json);

    public JsonObject? Input(string id) => _elements.FirstOrDefault(e => (string?)e["id"] == id);

    public string? Value(string id) => (string?)Input(id)?["value"];

    public IReadOnlyList<string> ChoiceValues(string id) => [.. Input(id)!["choices"]!.AsArray().Select(c => (string)c!["value"]!)];

    /// <summary>The attention-coloured TextBlock right under an input: where the member looks for what is wrong.</summary>
    public string? ErrorUnder(string id)
    {
        var index = _elements.FindIndex(e => (string?)e["id"] == id);
        Assert.True(index >= 0, $"no input '{id}' on the card");
        var next = index + 1 < _elements.Count ? _elements[index + 1] : null;
        return next is not null && (string?)next["type"] == "TextBlock" && string.Equals((string?)next["color"], "Attention", StringComparison.OrdinalIgnoreCase)
            ? (string?)next["text"]
            : null;
    }

    public IReadOnlyList<string> Errors => [.. _elements
        .Where(e => (string?)e["type"] == "TextBlock" && string.Equals((string?)e["color"], "Attention", StringComparison.OrdinalIgnoreCase))
        .Select(e => (string)e["text"]!)];

    public string Text => Root.ToJsonString(Readable);

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private void Collect(JsonArray items)
    {
        foreach (var item in items.Select(i => i!.AsObject()))
        {
            _elements.Add(item);
            if (item["items"] is JsonArray children)
            {
                Collect(children);
            }
        }
    }
}
