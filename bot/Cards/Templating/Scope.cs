using System.Text.Json.Nodes;

namespace Trygg.Cards.Templating;

/// <summary>What names resolve against: <c>$data</c> (current item), <c>$root</c>, <c>$index</c> and lambda variables.</summary>
internal sealed record Scope(JsonNode? Data, JsonNode? Root, int? Index, Scope.Local? Locals = null)
{
    public static Scope ForRoot(JsonNode? root) => new(root, root, null);

    public Scope WithLocal(string name, JsonNode? value) => this with { Locals = new Local(name, value, Locals) };

    /// <summary>Lambda variables (where/select), innermost first.</summary>
    internal sealed record Local(string Name, JsonNode? Value, Local? Outer);
}
