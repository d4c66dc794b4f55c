using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Trygg.Cards.Templating;

/// <summary>AEL functions that take already-evaluated values. Types are strict, as in AEL: a wrong type is an error.</summary>
internal static partial class BuiltIns
{
    public static IReadOnlyDictionary<string, (int Min, int Max, Func<JsonNode?[], JsonNode?> Invoke)> All { get; } =
        new Dictionary<string, (int, int, Func<JsonNode?[], JsonNode?>)>(StringComparer.Ordinal)
        {
            ["+"] = (2, 2, Add),
            ["add"] = (2, int.MaxValue, Add),
            ["-"] = (2, 2, v => Arithmetic(v, "sub", (a, b) => a - b)),
            ["sub"] = (2, int.MaxValue, v => Arithmetic(v, "sub", (a, b) => a - b)),
            ["*"] = (2, 2, v => Arithmetic(v, "mul", (a, b) => a * b)),
            ["mul"] = (2, int.MaxValue, v => Arithmetic(v, "mul", (a, b) => a * b)),
            ["/"] = (2, 2, v => Arithmetic(v, "div", Divide)),
            ["div"] = (2, int.MaxValue, v => Arithmetic(v, "div", Divide)),
            ["%"] = (2, 2, v => Arithmetic(v, "mod", Modulo)),
            ["mod"] = (2, 2, v => Arithmetic(v, "mod", Modulo)),
            ["count"] = (1, 1, Count),
            ["length"] = (1, 1, v => Values.Number(Text(v[0], "length").Length)),
            ["concat"] = (1, int.MaxValue, v => v.Aggregate(Concat)),
            ["join"] = (2, 3, Join),
            ["first"] = (1, 1, v => FirstOrLast(v[0], first: true)),
            ["last"] = (1, 1, v => FirstOrLast(v[0], first: false)),
            ["toUpper"] = (1, 1, v => Values.Text(Text(v[0], "toUpper").ToUpperInvariant())),
            ["toLower"] = (1, 1, v => Values.Text(Text(v[0], "toLower").ToLowerInvariant())),
            ["trim"] = (1, 1, v => Values.Text(Text(v[0], "trim").Trim())),
            ["substring"] = (2, 3, Substring),
            ["replace"] = (3, 3, Replace),
            ["startsWith"] = (2, 2, v => Values.Bool(Text(v[0], "startsWith").StartsWith(Text(v[1], "startsWith"), StringComparison.Ordinal))),
            ["endsWith"] = (2, 2, v => Values.Bool(Text(v[0], "endsWith").EndsWith(Text(v[1], "endsWith"), StringComparison.Ordinal))),
            ["string"] = (1, 2, ToStringFunction),
            ["int"] = (1, 1, ToInt),
            ["float"] = (1, 1, ToFloat),
            ["formatNumber"] = (2, 3, NumberFormatting.FormatNumber),
            ["formatDateTime"] = (1, 3, DateTimeFormatting.FormatDateTime),
        };

    private static string Text(JsonNode? value, string function) =>
        Values.AsString(value) ?? throw new TemplateException($"{function}() needs a string, got {Describe(value)}.");

    private static double Num(JsonNode? value, string function) =>
        Values.TryNumber(value, out var d) ? d : throw new TemplateException($"{function}() needs a number, got {Describe(value)}.");

    private static string Describe(JsonNode? value) => Values.IsNull(value) ? "null" : Values.Stringify(value);

    /// <summary>Numbers add; otherwise strings (and null as "") concatenate. Number + null is an error, as in AEL.</summary>
    private static JsonNode? Add(JsonNode?[] values) => values.Aggregate((a, b) =>
    {
        foreach (var v in (ReadOnlySpan<JsonNode?>)[a, b])
        {
            if (!Values.IsNull(v) && Values.Kind(v) is not (System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.String))
            {
                throw new TemplateException($"'+' needs numbers or strings, got {Describe(v)}.");
            }
        }

        var (aIsNumber, bIsNumber) = (Values.TryNumber(a, out var x), Values.TryNumber(b, out var y));
        if ((aIsNumber && Values.IsNull(b)) || (bIsNumber && Values.IsNull(a)))
        {
            throw new TemplateException("'+' cannot add a number and null.");
        }

        return aIsNumber && bIsNumber ? Values.Number(x + y) : Values.Text(Values.ToText(a) + Values.ToText(b));
    });

    private static JsonNode Arithmetic(JsonNode?[] values, string function, Func<double, double, double> op) =>
        Values.Number(values.Select(v => Num(v, function)).Aggregate(op));

    /// <summary>Integer operands divide as integers (AEL on JS: 5/2 is 2, and 5.0 is an integer there too).</summary>
    private static double Divide(double a, double b) => b == 0
        ? throw new TemplateException("Division by zero.")
        : Values.IsInteger(a) && Values.IsInteger(b) ? Math.Truncate(a / b) : a / b;

    private static double Modulo(double a, double b) => b == 0 ? throw new TemplateException("Modulo by zero.") : a % b;

    private static JsonNode Count(JsonNode?[] v) => v[0] switch
    {
        JsonArray array => Values.Number(array.Count),
        JsonObject obj => Values.Number(obj.Count),
        var s when Values.AsString(s) is { } text => Values.Number(text.Length),
        _ => throw new TemplateException($"count() needs a list, string or object, got {Describe(v[0])}."),
    };

    /// <summary>AEL concat: lists append, null next to a list is ignored, anything else concatenates as text.</summary>
    private static JsonNode? Concat(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        _ when Values.IsNull(a) && Values.IsNull(b) => null,
        (JsonArray x, JsonArray y) => new JsonArray([.. x.Select(Values.Detach), .. y.Select(Values.Detach)]),
        (JsonArray, _) when Values.IsNull(b) => a,
        (_, JsonArray) when Values.IsNull(a) => b,
        _ => Values.Text(Values.ToText(a) + Values.ToText(b)),
    };

    /// <summary>join(list, separator[, lastSeparator]) — "a, b and c".</summary>
    private static JsonNode Join(JsonNode?[] v)
    {
        var items = (v[0] as JsonArray ?? throw new TemplateException($"join() needs a list, got {Describe(v[0])}."))
            .Select(Values.ToText).ToList();
        var separator = Values.ToText(v[1]);
        if (v.Length == 2 || items.Count < 2)
        {
            return Values.Text(string.Join(separator, items));
        }

        var last = Values.ToText(v[2]);
        return Values.Text(items.Count == 2
            ? items[0] + last + items[1]
            : string.Join(separator, items[..^1]) + last + items[^1]);
    }

    private static JsonNode? FirstOrLast(JsonNode? value, bool first) => value switch
    {
        JsonArray { Count: > 0 } array => first ? array[0] : array[^1],
        _ when Values.AsString(value) is { Length: > 0 } s => Values.Text((first ? s[0] : s[^1]).ToString()),
        _ => null,
    };

    private static JsonNode Substring(JsonNode?[] v)
    {
        var text = Text(v[0], "substring");
        var start = Num(v[1], "substring");
        var length = v.Length > 2 ? Num(v[2], "substring") : text.Length - start;
        if (!Values.IsInteger(start) || !Values.IsInteger(length) || start < 0 || length < 0 || start + length > text.Length)
        {
            throw new TemplateException($"substring({start}, {length}) is out of range for a string of length {text.Length}; guard it with length().");
        }

        return Values.Text(text.Substring((int)start, (int)length));
    }

    private static JsonNode Replace(JsonNode?[] v)
    {
        var (text, old, replacement) = (Text(v[0], "replace"), Text(v[1], "replace"), Text(v[2], "replace"));
        return old.Length == 0
            ? throw new TemplateException("replace() needs a non-empty string to replace.")
            : Values.Text(text.Replace(old, replacement, StringComparison.Ordinal));
    }

    /// <summary>string(): numbers get thousands separators like AEL (string(1234.5) is "1,234.5").</summary>
    private static JsonNode ToStringFunction(JsonNode?[] v)
    {
        if (Values.TryNumber(v[0], out var d))
        {
            var plain = Values.NumberToString(d);
            var decimals = plain.Contains('.', StringComparison.Ordinal) ? plain.Length - plain.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            return Values.Text(NumberFormatting.Format(d, decimals, v.Length > 1 ? Values.AsString(v[1]) : null));
        }

        return Values.Text(v[0] is JsonObject or JsonArray ? Values.Stringify(v[0]).Trim('"', '\'') : Values.ToText(v[0]));
    }

    private static JsonNode? ToInt(JsonNode?[] v)
    {
        if (Values.TryNumber(v[0], out var d))
        {
            return Values.Number(Math.Truncate(d));
        }

        var match = LeadingInteger().Match(Text(v[0], "int"));
        return match.Success
            ? Values.Number(double.Parse(match.Value, CultureInfo.InvariantCulture))
            : throw new TemplateException($"int() cannot parse {Describe(v[0])}.");
    }

    private static JsonNode? ToFloat(JsonNode?[] v)
    {
        if (Values.TryNumber(v[0], out _))
        {
            return v[0];
        }

        var match = LeadingFloat().Match(Text(v[0], "float"));
        return match.Success
            ? Values.Number(double.Parse(match.Value, CultureInfo.InvariantCulture))
            : throw new TemplateException($"float() cannot parse {Describe(v[0])}.");
    }

    // JavaScript parseInt/parseFloat: leading whitespace, then the longest numeric prefix.
    [GeneratedRegex(@"(?<=^\s*)[+-]?\d+")]
    private static partial Regex LeadingInteger();

    [GeneratedRegex(@"(?<=^\s*)[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")]
    private static partial Regex LeadingFloat();
}
