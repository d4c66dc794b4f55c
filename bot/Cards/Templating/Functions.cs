using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Trygg.Cards.Templating;

/// <summary>
/// The supported AEL functions and operators. Functions that control how their operands are evaluated (logic,
/// comparisons, lambdas) are here; those that just take values are in <see cref="BuiltIns"/>.
/// </summary>
/// <remarks>
/// Unknown names are rejected when the template is parsed (first render), including inside an interpolated string.
/// The reference engine throws only for a whole-string binding and leaves <c>"x ${foo(1)}"</c> as literal text; a
/// typo in a card is better caught by the first test than shown to a user.
/// </remarks>
internal static class Functions
{
    private delegate JsonNode? Lazy(IReadOnlyList<Expr> args, Scope scope, bool substitute);

    private sealed record Function(int Min, int Max, Lazy Invoke);

    private static readonly FrozenDictionary<string, Function> Table = Build();

    public static void Validate(string name, IReadOnlyList<Expr> args)
    {
        if (!Table.TryGetValue(name, out var function))
        {
            throw new TemplateException($"Unknown function '{name}' in a card template. Supported: {string.Join(", ", Table.Keys.Where(k => char.IsLetter(k[0])).Order(StringComparer.Ordinal))}.");
        }

        if (args.Count < function.Min || args.Count > function.Max)
        {
            throw new TemplateException($"Function '{name}' takes {function.Min}..{function.Max} arguments, got {args.Count}.");
        }

        if (name is "where" or "select" or "foreach" && args[1] is not NameExpr)
        {
            throw new TemplateException($"The second argument of '{name}' must be a variable name, as in {name}(items, x, x.done).");
        }
    }

    public static JsonNode? Invoke(string name, IReadOnlyList<Expr> args, Scope scope, bool substitute) =>
        Table[name].Invoke(args, scope, substitute);

    private static FrozenDictionary<string, Function> Build()
    {
        var table = new Dictionary<string, Function>(StringComparer.Ordinal)
        {
            ["if"] = new(3, 3, If),
            ["and"] = new(1, int.MaxValue, And),
            ["&&"] = new(2, 2, And),
            ["or"] = new(1, int.MaxValue, Or),
            ["||"] = new(2, 2, Or),
            ["not"] = new(1, 1, Not),
            ["exists"] = new(1, 1, (a, s, _) => Comparison(a, s, v => !Values.IsNull(v[0]), nullIsFalse: false)),
            ["empty"] = new(1, 1, (a, s, _) => Comparison(a, s, v => IsEmpty(v[0]), nullIsFalse: false)),
            ["equals"] = new(2, 2, (a, s, _) => Comparison(a, s, v => Values.AreEqual(v[0], v[1]), nullIsFalse: false)),
            ["=="] = new(2, 2, (a, s, _) => Comparison(a, s, v => Values.AreEqual(v[0], v[1]), nullIsFalse: false)),
            ["!="] = new(2, 2, (a, s, _) => Comparison(a, s, v => !Values.AreEqual(v[0], v[1]), nullIsFalse: false)),
            ["<"] = new(2, 2, (a, s, _) => Comparison(a, s, v => Compare(v) < 0, nullIsFalse: true)),
            ["less"] = new(2, 2, (a, s, _) => Comparison(a, s, v => Compare(v) < 0, nullIsFalse: true)),
            ["<="] = new(2, 2, (a, s, _) => Comparison(a, s, v => Compare(v) <= 0, nullIsFalse: true)),
            ["lessOrEquals"] = new(2, 2, (a, s, _) => Comparison(a, s, v => Compare(v) <= 0, nullIsFalse: true)),
            [">"] = new(2, 2, (a, s, _) => Comparison(a, s, v => Compare(v) > 0, nullIsFalse: true)),
            ["greater"] = new(2, 2, (a, s, _) => Comparison(a, s, v => Compare(v) > 0, nullIsFalse: true)),
            [">="] = new(2, 2, (a, s, _) => Comparison(a, s, v => Compare(v) >= 0, nullIsFalse: true)),
            ["greaterOrEquals"] = new(2, 2, (a, s, _) => Comparison(a, s, v => Compare(v) >= 0, nullIsFalse: true)),
            ["contains"] = new(2, 2, Contains),
            ["where"] = new(3, 3, Where),
            ["select"] = new(3, 3, Select),
            ["foreach"] = new(3, 3, Select),
        };

        foreach (var (name, (min, max, function)) in BuiltIns.All)
        {
            table[name] = new(min, max, (args, scope, substitute) =>
                function([.. args.Select(a => Evaluator.Evaluate(a, scope, substitute))]));
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static JsonNode? If(IReadOnlyList<Expr> args, Scope scope, bool substitute) =>
        Evaluator.Evaluate(args[TryLogic(args[0], scope) ? 1 : 2], scope, substitute);

    private static JsonNode And(IReadOnlyList<Expr> args, Scope scope, bool substitute) =>
        Values.Bool(args.All(a => TryLogic(a, scope)));

    /// <summary>True if any operand is truthy; otherwise, as in AEL, the last operand's value (false or null).</summary>
    private static JsonNode? Or(IReadOnlyList<Expr> args, Scope scope, bool substitute)
    {
        JsonNode? last = null;
        foreach (var arg in args)
        {
            try
            {
                last = Evaluator.Evaluate(arg, scope, false);
            }
            catch (TemplateException)
            {
                last = null;
                continue;
            }

            if (Values.IsLogicTrue(last))
            {
                return Values.Bool(true);
            }
        }

        return last;
    }

    /// <summary>AEL's <c>not</c> treats an operand that fails to evaluate as false, so the result is true.</summary>
    private static JsonNode Not(IReadOnlyList<Expr> args, Scope scope, bool substitute) =>
        Values.Bool(!TryLogic(args[0], scope));

    /// <summary>Truthiness of an operand; evaluation errors count as false, as AEL's logic functions swallow them.</summary>
    private static bool TryLogic(Expr expr, Scope scope)
    {
        try
        {
            return Values.IsLogicTrue(Evaluator.Evaluate(expr, scope, false));
        }
        catch (TemplateException)
        {
            return false;
        }
    }

    /// <summary>AEL comparison semantics: operands without null substitution; an operand error or (for ordering) a
    /// null operand makes the comparison false rather than failing.</summary>
    private static JsonNode Comparison(IReadOnlyList<Expr> args, Scope scope, Func<JsonNode?[], bool> test, bool nullIsFalse)
    {
        var values = new JsonNode?[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            try
            {
                values[i] = Evaluator.Evaluate(args[i], scope, false);
            }
            catch (TemplateException)
            {
                return Values.Bool(false);
            }

            if (nullIsFalse && Values.IsNull(values[i]))
            {
                return Values.Bool(false);
            }
        }

        return Values.Bool(test(values));
    }

    /// <summary>Ordering is defined for two numbers or two strings (ordinal, as JS); anything else is an error.</summary>
    private static int Compare(JsonNode?[] v)
    {
        if (Values.TryNumber(v[0], out var a) && Values.TryNumber(v[1], out var b))
        {
            return a.CompareTo(b);
        }

        if (Values.AsString(v[0]) is { } x && Values.AsString(v[1]) is { } y)
        {
            return string.CompareOrdinal(x, y);
        }

        throw new TemplateException($"Cannot compare {Values.ToText(v[0])} with {Values.ToText(v[1])}: ordering needs two numbers or two strings.");
    }

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        _ when Values.IsNull(value) => true,
        _ => Values.AsString(value) is "",
    };

    private static JsonNode Contains(IReadOnlyList<Expr> args, Scope scope, bool substitute)
    {
        JsonNode? container, item;
        try
        {
            container = Evaluator.Evaluate(args[0], scope, substitute);
            item = Evaluator.Evaluate(args[1], scope, substitute);
        }
        catch (TemplateException)
        {
            return Values.Bool(false);
        }

        return Values.Bool((container, Values.AsString(container), Values.AsString(item)) switch
        {
            (_, { } text, { } part) => text.Contains(part, StringComparison.Ordinal),
            (JsonArray array, _, _) => array.Any(element => Values.AreEqual(element, item)),
            (JsonObject obj, _, { } key) => Evaluator.TryProperty(obj, key, out _),
            _ => false,
        });
    }

    private static JsonNode? Where(IReadOnlyList<Expr> args, Scope scope, bool substitute)
    {
        var (source, items, name) = LambdaInput(args, scope, substitute, "where");
        var kept = items.Where(item =>
        {
            try
            {
                return Values.IsLogicTrue(Evaluator.Evaluate(args[2], scope.WithLocal(name, item), substitute));
            }
            catch (TemplateException)
            {
                return false;
            }
        }).ToList();

        return source is JsonObject
            ? new JsonObject(kept.Select(kv => KeyValuePair.Create(kv!["key"]!.GetValue<string>(), Values.Detach(kv["value"]))))
            : new JsonArray([.. kept.Select(Values.Detach)]);
    }

    private static JsonArray Select(IReadOnlyList<Expr> args, Scope scope, bool substitute)
    {
        var (_, items, name) = LambdaInput(args, scope, substitute, "select");
        return new JsonArray([.. items.Select(item => Values.Detach(Evaluator.Evaluate(args[2], scope.WithLocal(name, item), substitute)))]);
    }

    /// <summary>Lists iterate their items; objects iterate <c>{key, value}</c> pairs, as in AEL.</summary>
    private static (JsonNode Source, List<JsonNode?> Items, string Name) LambdaInput(
        IReadOnlyList<Expr> args, Scope scope, bool substitute, string function)
    {
        var source = Evaluator.Evaluate(args[0], scope, substitute);
        var items = source switch
        {
            JsonArray array => [.. array],
            JsonObject obj => obj.Select(p => (JsonNode?)new JsonObject { ["key"] = p.Key, ["value"] = Values.Detach(p.Value) }).ToList(),
            _ => throw new TemplateException($"{function}() needs a list or an object, got {Values.ToText(source)}."),
        };
        return (source, items, ((NameExpr)args[1]).Name);
    }
}
