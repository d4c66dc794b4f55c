using System.Text.Json.Nodes;

namespace Trygg.Infra;

/// <summary>A resource of the compiled template, wherever it sits (modules compile to nested deployments).</summary>
public sealed record ArmResource(string Type, JsonObject Body, string Module, string? Condition, JsonObject Template)
{
    public JsonNode? Properties => Body["properties"];

    /// <summary>The property's value or expression, with the module's string variables written in (<c>variables('x')</c> -> <c>'value'</c>).</summary>
    public string? Prop(string path) => Get(Body, path) is { } node ? ExpandVariables(node.ToString()) : null;

    public string ExpandVariables(string expression) =>
        System.Text.RegularExpressions.Regex.Replace(expression, @"variables\('([^']+)'\)", m =>
            Template["variables"]?[m.Groups[1].Value] is JsonValue v && v.TryGetValue<string>(out var text) && !text.StartsWith('[')
                ? $"'{text}'"
                : m.Value);

    public static JsonNode? Get(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node;
    }
}

public static class ArmTemplate
{
    public static IReadOnlyList<ArmResource> Resources(JsonObject template) => [.. Walk(template, "main", null)];

    /// <summary>The module deployments of main.bicep, with the parameters main passes them.</summary>
    public static IEnumerable<ArmResource> Modules(JsonObject template) =>
        (template["resources"] is JsonObject map ? map.Select(kv => kv.Value) : template["resources"]!.AsArray().AsEnumerable())
        .OfType<JsonObject>()
        .Where(r => r["type"]?.GetValue<string>() == "Microsoft.Resources/deployments")
        .Select(r => new ArmResource("Microsoft.Resources/deployments", r, "main", r["condition"]?.ToString(), template));

    public static IEnumerable<ArmResource> OfType(JsonObject template, string type) =>
        Resources(template).Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<ArmResource> Walk(JsonObject template, string module, string? condition)
    {
        var resources = template["resources"] switch
        {
            JsonObject map => map.Select(kv => kv.Value).OfType<JsonObject>(), // languageVersion 2.0: symbolic names
            JsonArray list => list.OfType<JsonObject>(),
            _ => [],
        };

        foreach (var resource in resources)
        {
            if (resource["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            var type = resource["type"]!.GetValue<string>();
            var ownCondition = resource["condition"]?.ToString() ?? condition;
            if (type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Walk(nested, resource["name"]!.ToString(), ownCondition))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return new ArmResource(type, resource, module, ownCondition, template);
            }
        }
    }
}
