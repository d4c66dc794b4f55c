using System.Text.Json.Nodes;

namespace Trygg.Cards.Templating;

/// <summary>Parsed Adaptive Expression (AEL subset). Immutable, so parsed templates can be cached and shared.</summary>
internal abstract record Expr;

internal sealed record LiteralExpr(JsonNode? Value) : Expr;

/// <summary>A bare name: a property of the current <c>$data</c>, a lambda variable, or <c>$root</c>/<c>$data</c>/<c>$index</c>.</summary>
internal sealed record NameExpr(string Name) : Expr;

internal sealed record MemberExpr(Expr Target, string Name) : Expr;

internal sealed record IndexExpr(Expr Target, Expr Index) : Expr;

internal sealed record CallExpr(string Name, IReadOnlyList<Expr> Args) : Expr;

internal sealed record UnaryExpr(string Op, Expr Operand) : Expr;

internal sealed record BinaryExpr(string Op, Expr Left, Expr Right) : Expr;

internal sealed record ArrayExpr(IReadOnlyList<Expr> Items) : Expr;

internal sealed record ObjectExpr(IReadOnlyList<KeyValuePair<string, Expr>> Properties) : Expr;
