namespace Trygg.Cards.Templating;

/// <summary>
/// A template string split into literal text and <c>${...}</c> expressions. Only strings from the TEMPLATE are ever
/// parsed; strings that come from data are values and are never looked at for bindings.
/// </summary>
internal sealed class InterpolatedString
{
    private InterpolatedString(IReadOnlyList<object> parts) => Parts = parts;

    /// <summary>Literal text (<see cref="string"/>) and expressions (<see cref="Expr"/>), in order.</summary>
    public IReadOnlyList<object> Parts { get; }

    /// <summary>The whole string is one binding, so its value keeps its JSON type (number, object, ...).</summary>
    public Expr? SingleExpression => Parts is [Expr only] ? only : null;

    /// <summary>Returns null when the string holds no binding (the common case: plain text stays as it is).</summary>
    public static InterpolatedString? TryParse(string text)
    {
        // Like the reference engine: a string without "${" is never parsed, so "\$" elsewhere stays as written.
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<object>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && string.CompareOrdinal(text, i + 1, "${", 0, 2) == 0)
            {
                literal.Append("${");
                i += 3;
                continue;
            }

            if (string.CompareOrdinal(text, i, "${", 0, 2) == 0 && FindClose(text, i + 2) is var close and >= 0)
            {
                if (literal.Length > 0)
                {
                    parts.Add(literal.ToString());
                    literal.Clear();
                }

                parts.Add(ExpressionParser.Parse(text[(i + 2)..close]));
                i = close + 1;
                continue;
            }

            literal.Append(text[i]);
            i++;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return new InterpolatedString(parts);
    }

    /// <summary>Index of the '}' closing a binding, skipping quoted strings and nested object literals; -1 if none.</summary>
    private static int FindClose(string text, int start)
    {
        var depth = 0;
        char? quote = null;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        return -1;
    }
}
