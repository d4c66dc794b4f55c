using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Trygg.Cards.Templating;

/// <summary>
/// Recursive-descent parser for the AEL subset. Operator precedence follows the AEL grammar (lowest first):
/// <c>||</c>, <c>&amp;&amp;</c>, relational, equality, additive, multiplicative, unary, postfix.
/// Function names are checked here so an unknown function fails the first render, not only when its branch runs.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private int _pos;

    private ExpressionParser(string text) => _text = text;

    public static Expr Parse(string text)
    {
        var parser = new ExpressionParser(text);
        var expr = parser.ParseOr();
        parser.SkipWhitespace();
        if (parser._pos < text.Length)
        {
            throw parser.Error("unexpected '" + text[parser._pos] + "'");
        }

        return expr;
    }

    private Expr ParseOr() => ParseLeftAssociative(ParseAnd, "||");

    private Expr ParseAnd() => ParseLeftAssociative(ParseRelational, "&&");

    private Expr ParseRelational() => ParseLeftAssociative(ParseEquality, "<=", ">=", "<", ">");

    private Expr ParseEquality() => ParseLeftAssociative(ParseAdditive, "==", "!=");

    private Expr ParseAdditive() => ParseLeftAssociative(ParseMultiplicative, "+", "-");

    private Expr ParseMultiplicative() => ParseLeftAssociative(ParseUnary, "*", "/", "%");

    private Expr ParseLeftAssociative(Func<Expr> next, params string[] operators)
    {
        var left = next();
        while (TryOperator(operators) is { } op)
        {
            left = new BinaryExpr(op, left, next());
        }

        return left;
    }

    private string? TryOperator(string[] operators)
    {
        SkipWhitespace();
        foreach (var op in operators)
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) != 0)
            {
                continue;
            }

            // "<" must not swallow "<=", "!" must not be read as "!=" and so on: longer operators are listed first,
            // but a single "=" or "&" is not an operator in this subset.
            var after = _pos + op.Length < _text.Length ? _text[_pos + op.Length] : '\0';
            if (op is "<" or ">" && after == '=')
            {
                continue;
            }

            _pos += op.Length;
            return op;
        }

        return null;
    }

    private Expr ParseUnary()
    {
        SkipWhitespace();
        if (Peek() is '!' && PeekAt(1) != '=')
        {
            _pos++;
            return new UnaryExpr("!", ParseUnary());
        }

        if (Peek() is '-' or '+')
        {
            var op = _text[_pos++].ToString();
            return new UnaryExpr(op, ParseUnary());
        }

        return ParsePostfix();
    }

    private Expr ParsePostfix()
    {
        var expr = ParsePrimary();
        while (true)
        {
            SkipWhitespace();
            if (Peek() == '.')
            {
                _pos++;
                SkipWhitespace();
                expr = new MemberExpr(expr, ReadIdentifier() ?? throw Error("expected a property name after '.'"));
            }
            else if (Peek() == '[')
            {
                _pos++;
                var index = ParseOr();
                Expect(']');
                expr = new IndexExpr(expr, index);
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr ParsePrimary()
    {
        SkipWhitespace();
        var c = Peek();
        if (c == '(')
        {
            _pos++;
            var inner = ParseOr();
            Expect(')');
            return inner;
        }

        if (c is '\'' or '"')
        {
            return new LiteralExpr(JsonValue.Create(ReadString(c)));
        }

        if (char.IsAsciiDigit(c))
        {
            var start = _pos;
            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }

            if (Peek() == '.' && char.IsAsciiDigit(PeekAt(1)))
            {
                _pos++;
                while (char.IsAsciiDigit(Peek()))
                {
                    _pos++;
                }
            }

            return new LiteralExpr(JsonValue.Create(double.Parse(_text.AsSpan(start, _pos - start), CultureInfo.InvariantCulture)));
        }

        if (c == '[')
        {
            _pos++;
            return new ArrayExpr(ParseList(']'));
        }

        if (c == '{')
        {
            return ParseObject();
        }

        var name = ReadIdentifier() ?? throw Error(c == '\0' ? "unexpected end of expression" : "unexpected '" + c + "'");
        switch (name)
        {
            case "true":
                return new LiteralExpr(JsonValue.Create(true));
            case "false":
                return new LiteralExpr(JsonValue.Create(false));
            case "null":
                return new LiteralExpr(null);
        }

        SkipWhitespace();
        if (Peek() != '(')
        {
            return new NameExpr(name);
        }

        _pos++;
        var args = ParseList(')');
        Functions.Validate(name, args);
        return new CallExpr(name, args);
    }

    private List<Expr> ParseList(char close)
    {
        var items = new List<Expr>();
        SkipWhitespace();
        if (Peek() == close)
        {
            _pos++;
            return items;
        }

        while (true)
        {
            items.Add(ParseOr());
            SkipWhitespace();
            if (Peek() == ',')
            {
                _pos++;
                continue;
            }

            Expect(close);
            return items;
        }
    }

    private ObjectExpr ParseObject()
    {
        _pos++;
        var properties = new List<KeyValuePair<string, Expr>>();
        SkipWhitespace();
        while (Peek() != '}')
        {
            SkipWhitespace();
            var key = Peek() is '\'' or '"' ? ReadString(Peek()) : ReadIdentifier() ?? throw Error("expected a property name");
            Expect(':');
            properties.Add(new(key, ParseOr()));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _pos++;
                SkipWhitespace();
            }
            else if (Peek() != '}')
            {
                throw Error("expected ',' or '}'");
            }
        }

        _pos++;
        return new ObjectExpr(properties);
    }

    private string? ReadIdentifier()
    {
        var start = _pos;
        if (!(char.IsAsciiLetter(Peek()) || Peek() is '_' or '$' or '@' or '#'))
        {
            return null;
        }

        _pos++;
        while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_')
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private string ReadString(char quote)
    {
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != quote)
        {
            var ch = _text[_pos++];
            if (ch == '\\' && _pos < _text.Length)
            {
                var escaped = _text[_pos++];
                sb.Append(escaped switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escaped });
            }
            else
            {
                sb.Append(ch);
            }
        }

        if (_pos >= _text.Length)
        {
            throw Error("unterminated string literal");
        }

        _pos++;
        return sb.ToString();
    }

    private void Expect(char c)
    {
        SkipWhitespace();
        if (Peek() != c)
        {
            throw Error("expected '" + c + "'");
        }

        _pos++;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private char PeekAt(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private TemplateException Error(string what) =>
        new($"Invalid expression '${{{_text}}}' at position {_pos}: {what}.");
}
