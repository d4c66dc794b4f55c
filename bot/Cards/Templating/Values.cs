using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trygg.Cards.Templating;

/// <summary>
/// JSON values as the expression evaluator sees them, with JavaScript's conversions where the reference engine
/// (adaptive-expressions on Node) exposes them: number-to-text, truthiness, equality.
/// </summary>
internal static class Values
{
    private const double JsEpsilon = 2.220446049250313e-16;

    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static bool IsNull(JsonNode? node) => Kind(node) == JsonValueKind.Null;

    public static bool TryNumber(JsonNode? node, out double value)
    {
        value = 0;
        if (Kind(node) != JsonValueKind.Number)
        {
            return false;
        }

        // Nodes parsed from JSON convert to double; nodes we create may hold an int, long or decimal.
        var v = (JsonValue)node!;
        if (v.TryGetValue(out value))
        {
            return true;
        }

        value = v.TryGetValue(out long l) ? l : v.TryGetValue(out int i) ? i : (double)v.GetValue<decimal>();
        return true;
    }

    public static string? AsString(JsonNode? node) => Kind(node) == JsonValueKind.String ? node!.GetValue<string>() : null;

    public static bool IsInteger(double d) => double.IsFinite(d) && Math.Floor(d) == d;

    public static JsonNode Number(double value) =>
        double.IsFinite(value) ? JsonValue.Create(value) : throw new TemplateException("Arithmetic produced " + value + ".");

    public static JsonNode Text(string value) => JsonValue.Create(value);

    public static JsonNode Bool(bool value) => JsonValue.Create(value);

    /// <summary>Data nodes belong to their parent; anything placed into output or new arrays is a copy.</summary>
    public static JsonNode? Detach(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();

    /// <summary>AEL truthiness: booleans are themselves, null is false, everything else (even 0 and "") is true.</summary>
    public static bool IsLogicTrue(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        _ => true,
    };

    /// <summary>Text of a value inside an interpolated string or a string concatenation.</summary>
    /// <remarks>
    /// Diverges from the reference engine on purpose: null becomes "" (JS throws), and objects and arrays become
    /// compact JSON (JS prints "[object Object]" and "1,2").
    /// </remarks>
    public static string ToText(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.Null => string.Empty,
        JsonValueKind.String => node!.GetValue<string>(),
        JsonValueKind.Number => NumberToString(TryNumber(node, out var d) ? d : 0),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => Stringify(node),
    };

    /// <summary>JavaScript's Number.prototype.toString() for finite doubles (shortest round-trip digits).</summary>
    public static string NumberToString(double d)
    {
        if (d == 0)
        {
            return "0";
        }

        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = r.StartsWith('-');
        if (negative)
        {
            r = r[1..];
        }

        var exponent = 0;
        var e = r.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        var dot = r.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? r : r.Remove(dot, 1);
        var point = (dot < 0 ? r.Length : dot) + exponent;
        var trimmed = digits.TrimStart('0');
        point -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');

        int k = digits.Length, n = point;
        var text = n switch
        {
            _ when k <= n && n <= 21 => digits + new string('0', n - k),
            > 0 and <= 21 => digits[..n] + "." + digits[n..],
            > -6 and <= 0 => "0." + new string('0', -n) + digits,
            _ => (k == 1 ? digits : digits[..1] + "." + digits[1..]) + "e" + (n - 1 >= 0 ? "+" : "-") + Math.Abs(n - 1),
        };
        return negative ? "-" + text : text;
    }

    /// <summary>JSON.stringify: compact, only quotes, backslashes and control characters escaped.</summary>
    public static string Stringify(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    sb.Append(first ? string.Empty : ",");
                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    Write(sb, value);
                }

                sb.Append('}');
                break;
            case JsonArray arr:
                sb.Append('[');
                for (var i = 0; i < arr.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : ",");
                    Write(sb, arr[i]);
                }

                sb.Append(']');
                break;
            default:
                if (Kind(node) == JsonValueKind.String)
                {
                    WriteString(sb, node!.GetValue<string>());
                }
                else
                {
                    sb.Append(IsNull(node) ? "null" : ToText(node));
                }

                break;
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                '\b' => sb.Append("\\b"),
                '\f' => sb.Append("\\f"),
                < ' ' => sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => sb.Append(c),
            };
        }

        sb.Append('"');
    }

    /// <summary>AEL equality: strict types ("1" != 1), deep for arrays and objects, null equals only null.</summary>
    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        if (IsNull(a) || IsNull(b))
        {
            return IsNull(a) && IsNull(b);
        }

        switch (a, b)
        {
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Select((item, i) => AreEqual(item, y[i])).All(eq => eq);
            case (JsonObject x, JsonObject y):
                return x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && AreEqual(p.Value, other));
        }

        if (TryNumber(a, out var m) && TryNumber(b, out var n))
        {
            return m == n || Math.Abs(m - n) < JsEpsilon;
        }

        return (Kind(a), Kind(b)) switch
        {
            (JsonValueKind.String, JsonValueKind.String) => AsString(a) == AsString(b),
            (JsonValueKind.True, JsonValueKind.True) or (JsonValueKind.False, JsonValueKind.False) => true,
            _ => false,
        };
    }
}
