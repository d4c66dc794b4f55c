using System.Globalization;
using System.Text.Json.Nodes;

namespace Trygg.Cards.Templating;

/// <summary>
/// Evaluates parsed expressions. <paramref name="substitute"/> mirrors the reference engine's "null substitution":
/// a path that resolves to nothing evaluates to the text <c>${path}</c>, so missing data shows up literally. Logic,
/// comparisons, <c>if</c> conditions, <c>exists</c> and <c>empty</c> evaluate their operands without it, so a
/// missing value is simply null there.
/// </summary>
internal static class Evaluator
{
    public static JsonNode? Evaluate(Expr expr, Scope scope, bool substitute) => expr switch
    {
        LiteralExpr literal => literal.Value?.DeepClone(),
        NameExpr or MemberExpr => ResolvePath(expr, scope, substitute),
        IndexExpr index => EvaluateElement(index, scope, substitute),
        CallExpr call => Functions.Invoke(call.Name, call.Args, scope, substitute),
        UnaryExpr { Op: "!" } unary => Functions.Invoke("not", [unary.Operand], scope, substitute),
        UnaryExpr { Op: "-" } unary => Functions.Invoke("sub", [new LiteralExpr(JsonValue.Create(0d)), unary.Operand], scope, substitute),
        UnaryExpr unary => Evaluate(unary.Operand, scope, substitute),
        BinaryExpr binary => Functions.Invoke(binary.Op, [binary.Left, binary.Right], scope, substitute),
        ArrayExpr array => new JsonArray([.. array.Items.Select(item => Values.Detach(Evaluate(item, scope, substitute)))]),
        ObjectExpr obj => new JsonObject(obj.Properties.Select(p =>
            KeyValuePair.Create(p.Key, Values.Detach(Evaluate(p.Value, scope, substitute))))),
        _ => throw new TemplateException("Unsupported expression " + expr.GetType().Name + "."),
    };

    /// <summary>Dotted/indexed paths: <c>a.b</c>, <c>a['b']</c>, <c>a[0].b</c>, <c>$root.x</c>, <c>first(xs).name</c>.</summary>
    private static JsonNode? ResolvePath(Expr expr, Scope scope, bool substitute)
    {
        var segments = new List<object>();
        var left = (Expr?)expr;
        while (true)
        {
            if (left is MemberExpr member)
            {
                segments.Add(member.Name);
                left = member.Target;
            }
            else if (left is IndexExpr index)
            {
                segments.Add(IndexSegment(Evaluate(index.Index, scope, substitute)));
                left = index.Target;
            }
            else if (left is NameExpr name)
            {
                segments.Add(name.Name);
                left = null;
                break;
            }
            else
            {
                break;
            }
        }

        segments.Reverse();
        var found = left is null
            ? Lookup(scope, segments, out var value)
            : Walk(Evaluate(left, scope, substitute), segments, 0, out value);
        if (found)
        {
            return value;
        }

        return substitute ? Values.Text("${" + PathText(segments) + "}") : null;
    }

    private static object IndexSegment(JsonNode? index) =>
        Values.TryNumber(index, out var d) && Values.IsInteger(d) ? (int)d
        : Values.AsString(index) is { } key ? new IndexKey(key) : throw new TemplateException($"An index must be an integer or a string, got {Values.ToText(index)}.");

    /// <summary>The path as the reference engine prints it for a missing value: <c>a.b[0]['c']</c>.</summary>
    private static string PathText(List<object> segments) => string.Concat(segments.Select((s, i) => s switch
    {
        int n => "[" + n.ToString(CultureInfo.InvariantCulture) + "]",
        IndexKey k => "['" + k.Key + "']",
        _ => (i == 0 ? string.Empty : ".") + s,
    }));

    private static bool Lookup(Scope scope, List<object> segments, out JsonNode? value)
    {
        var first = (string)segments[0];
        for (var local = scope.Locals; local is not null; local = local.Outer)
        {
            if (string.Equals(local.Name, first, StringComparison.OrdinalIgnoreCase) && Walk(local.Value, segments, 1, out value))
            {
                return true;
            }
        }

        if (!first.StartsWith('$'))
        {
            return Walk(scope.Data, segments, 0, out value);
        }

        value = null;
        JsonNode? start;
        if (first.Equals("$root", StringComparison.OrdinalIgnoreCase))
        {
            start = scope.Root;
        }
        else if (first.Equals("$data", StringComparison.OrdinalIgnoreCase))
        {
            start = scope.Data;
        }
        else if (first.Equals("$index", StringComparison.OrdinalIgnoreCase) && scope.Index is { } i)
        {
            start = JsonValue.Create(i);
        }
        else
        {
            return false;
        }

        return Walk(start, segments, 1, out value);
    }

    private static bool Walk(JsonNode? current, List<object> segments, int from, out JsonNode? value)
    {
        value = current;
        for (var i = from; i < segments.Count; i++)
        {
            if (!TryChild(value, segments[i], out value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryChild(JsonNode? node, object segment, out JsonNode? child)
    {
        child = null;
        var key = segment switch
        {
            int n => n.ToString(CultureInfo.InvariantCulture),
            IndexKey k => k.Key,
            _ => (string)segment,
        };
        if (node is JsonArray array && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
        {
            if (i >= array.Count)
            {
                return false;
            }

            child = array[i];
            return true;
        }

        return node is JsonObject obj && TryProperty(obj, key, out child);
    }

    /// <summary>Property names match case-insensitively, first match in document order, like the reference engine.</summary>
    public static bool TryProperty(JsonObject obj, string key, out JsonNode? value)
    {
        foreach (var (name, v) in obj)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>A trailing indexer (<c>items[0]</c>, <c>obj['key']</c>): out of range is an error, as in AEL.</summary>
    private static JsonNode? EvaluateElement(IndexExpr expr, Scope scope, bool substitute)
    {
        var instance = Evaluate(expr.Target, scope, substitute);
        var index = Evaluate(expr.Index, scope, false);
        if (Values.TryNumber(index, out var d) && Values.IsInteger(d))
        {
            return instance switch
            {
                null => null,
                JsonArray array when d >= 0 && d < array.Count => array[(int)d],
                JsonArray array => throw new TemplateException($"Index [{d}] is out of range for a list of {array.Count}."),
                _ when Values.IsNull(instance) => null,
                _ => throw new TemplateException($"Cannot take [{d}] of {Values.ToText(instance)}: it is not a list."),
            };
        }

        if (Values.AsString(index) is { } key)
        {
            return instance is JsonObject obj && TryProperty(obj, key, out var value) ? value : null;
        }

        throw new TemplateException($"An index must be an integer or a string, got {Values.ToText(index)}.");
    }

    private sealed record IndexKey(string Key);
}
