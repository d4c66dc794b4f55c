using System.Text.Json;
using System.Text.Json.Nodes;
using Trygg.Cards.Templating;

namespace Trygg.Cards;

/// <summary>
/// Adaptive Cards Template Language over <see cref="JsonNode"/>, modelled on the official JS engine
/// (npm adaptivecards-templating 2.3.1 with adaptive-expressions 4.23), which the tests use as an oracle.
/// </summary>
/// <remarks>
/// <para>Matched: whole-string bindings keep their JSON type; missing paths stay as literal <c>${path}</c>;
/// <c>$data</c> rescopes, repeats over arrays (with <c>$index</c>), splices repeats into parent arrays and removes
/// the element for an empty array; <c>$when</c> keeps an element only for boolean true (a literal truthy value
/// drops it, a literal falsy one keeps it); nulls vanish from arrays and stay null as property values; nested
/// arrays are flattened; reserved properties (<c>$data $when $root $index $host $_acTemplateVersion</c>) are
/// stripped, other <c>$</c> properties such as <c>$schema</c> are kept; strict typing (<c>"1" == 1</c> is false).</para>
/// <para>Diverges on purpose, where the JS engine throws or prints JS artefacts: null inside an interpolated string
/// is "" (JS throws); objects and arrays inside one are compact JSON (JS prints <c>[object Object]</c> and
/// <c>1,2</c>); an unknown function or a failing function (bad type, substring out of range, unparsable date) throws
/// a <see cref="TemplateException"/> even inside an interpolated string (JS prints the expression back as
/// <c>${...}</c>); a backtick or trailing backslash in a bound string is plain text (JS fails to parse it).</para>
/// <para>Data is only ever inserted as JSON values and bindings are only read from the template, so text in the
/// data, including <c>${...}</c>, quotes or newlines, comes out exactly as it went in.</para>
/// </remarks>
internal sealed class TemplateEngine
{
    private static readonly HashSet<string> Reserved =
        ["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"];

    private readonly JsonNode? _template;
    private readonly Dictionary<string, InterpolatedString> _bindings = new(StringComparer.Ordinal);

    public TemplateEngine(string templateJson)
    {
        _template = JsonNode.Parse(templateJson);
        Prepare(_template);
    }

    /// <summary>Expands a template with data; returns the expanded JSON text ("null" if nothing is left).</summary>
    public static string Expand(string templateJson, string dataJson) =>
        new TemplateEngine(templateJson).Expand(JsonNode.Parse(dataJson))?.ToJsonString() ?? "null";

    /// <summary>Expands with <paramref name="root"/> as <c>$root</c>. Safe to call concurrently.</summary>
    public JsonNode? Expand(JsonNode? root) => Values.Detach(Expand(_template, Scope.ForRoot(root)));

    /// <summary>Parses every bound string once, so a bad expression fails on first use of the template.</summary>
    private void Prepare(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Prepare(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Prepare(item);
                }

                break;
            case JsonValue value when Values.AsString(value) is { } text && !_bindings.ContainsKey(text):
                if (InterpolatedString.TryParse(text) is { } parsed)
                {
                    _bindings[text] = parsed;
                }

                break;
        }
    }

    private JsonNode? Expand(JsonNode? node, Scope scope) => node switch
    {
        JsonArray array => ExpandArray(array, scope),
        JsonObject obj => ExpandObject(obj, scope),
        _ when Values.AsString(node) is { } text && _bindings.TryGetValue(text, out var bound) => Evaluate(bound, scope),
        _ => node?.DeepClone(),
    };

    private JsonArray ExpandArray(JsonArray array, Scope scope)
    {
        var result = new JsonArray();
        foreach (var item in array)
        {
            switch (Expand(item, scope))
            {
                case JsonArray spliced:
                    foreach (var inner in spliced)
                    {
                        result.Add(Values.Detach(inner));
                    }

                    break;
                case { } expanded when !Values.IsNull(expanded):
                    result.Add(Values.Detach(expanded));
                    break;
            }
        }

        return result;
    }

    /// <summary>One object, an array of repeated copies, or null when <c>$when</c>/an empty <c>$data</c> removes it.</summary>
    private JsonNode? ExpandObject(JsonObject obj, Scope scope)
    {
        var scopes = new List<Scope> { scope };
        if (obj.TryGetPropertyValue("$data", out var dataNode))
        {
            // A bound $data is evaluated; a literal one (object, array, or plain string like "people") is the data itself.
            var data = Values.AsString(dataNode) is { } text && _bindings.TryGetValue(text, out var bound)
                ? Evaluate(bound, scope)
                : dataNode;
            scopes = data is JsonArray items
                ? [.. items.Select((item, i) => scope with { Data = item, Index = i })]
                : [scope with { Data = data }];
        }

        obj.TryGetPropertyValue("$when", out var when);
        var copies = new List<JsonObject>();
        foreach (var itemScope in scopes.Where(s => Keep(when, obj.ContainsKey("$when"), s)))
        {
            var copy = new JsonObject();
            foreach (var (key, value) in obj)
            {
                if (!Reserved.Contains(key))
                {
                    copy[key] = Values.Detach(Expand(value, itemScope));
                }
            }

            copies.Add(copy);
        }

        return copies.Count switch
        {
            0 => null,
            1 => copies[0],
            _ => new JsonArray([.. copies]),
        };
    }

    private bool Keep(JsonNode? when, bool present, Scope scope)
    {
        if (!present)
        {
            return true;
        }

        if (Values.AsString(when) is { } text && _bindings.TryGetValue(text, out var bound))
        {
            if (bound.SingleExpression is not { } condition)
            {
                return false;
            }

            try
            {
                return Values.Kind(Evaluator.Evaluate(condition, scope, substitute: false)) == JsonValueKind.True;
            }
            catch (TemplateException)
            {
                return false;
            }
        }

        // A literal $when is not an expression: the JS engine drops the element if the value is truthy.
        return !IsJsTruthy(when);
    }

    private static bool IsJsTruthy(JsonNode? node) => Values.Kind(node) switch
    {
        JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.String => Values.AsString(node) != "",
        JsonValueKind.Number => Values.TryNumber(node, out var d) && d != 0,
        _ => true,
    };

    private static JsonNode? Evaluate(InterpolatedString bound, Scope scope)
    {
        if (bound.SingleExpression is { } single)
        {
            return Evaluator.Evaluate(single, scope, substitute: true);
        }

        var text = new System.Text.StringBuilder();
        foreach (var part in bound.Parts)
        {
            text.Append(part as string ?? Values.ToText(Evaluator.Evaluate((Expr)part, scope, substitute: true)));
        }

        return JsonValue.Create(text.ToString());
    }
}
