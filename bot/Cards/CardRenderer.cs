using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Trygg.Cards;

/// <summary>
/// Renders embedded templates: "Conversation/Welcome" is bot/Conversation/Cards/Welcome.json, embedded as
/// <c>Trygg.Conversation.Cards.Welcome.json</c>. Parsed templates are cached for the life of the process.
/// </summary>
/// <remarks>
/// Data is serialized with the web defaults (camelCase) plus enums as camelCase strings, so templates can say
/// <c>${status == 'open'}</c>. Dates serialize as ISO 8601; formatDateTime shows them in UTC (see
/// <see cref="Templating.DateTimeFormatting"/>), so convert to Stockholm time in the card record if a person reads it.
/// </remarks>
internal sealed class CardRenderer(Assembly assembly) : ICardRenderer
{
    internal static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly ConcurrentDictionary<string, TemplateEngine> _templates = new(StringComparer.Ordinal);

    public CardRenderer()
        : this(typeof(CardRenderer).Assembly)
    {
    }

    public AdaptiveCard Render<TData>(string templateName, TData data)
    {
        var template = _templates.GetOrAdd(templateName, Load);
        var card = template.Expand(JsonSerializer.SerializeToNode(data, DataOptions));
        return card is JsonObject
            ? new AdaptiveCard(card.ToJsonString())
            : throw new TemplateException($"Card template '{templateName}' did not expand to a JSON object.");
    }

    private TemplateEngine Load(string templateName)
    {
        var parts = templateName.Split('/');
        if (parts.Length < 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Card template names look like \"Feature/Name\", got \"{templateName}\".", nameof(templateName));
        }

        var resource = $"Trygg.{string.Join('.', parts[..^1])}.Cards.{parts[^1]}.json";
        using var stream = assembly.GetManifestResourceStream(resource) ?? throw new TemplateException(
            $"No card template '{templateName}' (resource {resource}). Embedded templates: "
            + string.Join(", ", assembly.GetManifestResourceNames().Where(n => n.Contains(".Cards.", StringComparison.Ordinal))) + ".");
        using var reader = new StreamReader(stream);
        return new TemplateEngine(reader.ReadToEnd());
    }
}
