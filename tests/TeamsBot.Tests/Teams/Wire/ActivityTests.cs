using System.Text.Json;
using System.Text.Json.Nodes;
using Trygg.Teams.Wire;

namespace Trygg.Teams.Wire;

public sealed class ActivityTests
{
    [Fact]
    public void RoundTrip_UnknownFieldsAndFreeFormObjects_AreKeptIntact()
    {
        const string json = """
            {"type":"message","id":"1","text":"hej","futureField":{"a":[1,2,{"b":null}]},
             "channelData":{"tenant":{"id":"t"},"unknown":{"deep":true},"eventType":"x"},
             "value":{"verb":"v","nested":{"n":1.5}},
             "entities":[{"type":"clientInfo","locale":"sv-SE","platform":"Android"}],
             "from":{"id":"29:u","userRole":"user"},
             "conversation":{"id":"a:1","conversationType":"personal","extra":"kept"}}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(json, WireJson.Options)!;
        var back = JsonSerializer.Serialize(activity, WireJson.Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(back)), back);
    }

    [Fact]
    public void Serialize_NullFields_AreOmitted()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = "message", Text = "x" }, WireJson.Options);

        Assert.Equal("""{"type":"message","text":"x"}""", json);
    }
}
