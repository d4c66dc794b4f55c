using System.Text.Json.Nodes;
using Trygg.Cards;

namespace Trygg.Eval;

/// <summary>
/// A card template (and, when one template serves several steps, a verb its card must carry, with the member's words
/// as its description when <paramref name="WithWords"/>) read as an action.
/// </summary>
internal sealed record TurnActionRule(string Template, string? Verb, string Action, bool WithWords = false);

/// <summary>
/// What the bot did with a first message, read from what it actually sent: the first card's template, as a table the
/// features' new cards are added to. A reply with no card (a line of text) is <c>none</c>.
/// </summary>
internal static class TurnActions
{
    public const string None = "none";

    /// <summary>First match wins, so the step-specific rows of a shared template come before its general row.</summary>
    public static readonly IReadOnlyList<TurnActionRule> Rules =
    [
        new("Reporting/Message", "reporting.unsafe", "report"), // "Är du i säkerhet just nu?" with Ja / Nej
        new("Reporting/Message", "reporting.safe", "acute"), // "Ring 112 nu." with "Jag är i säkerhet nu"
        new("Guidance/Answer", null, "answer"),
        new("Guidance/Suggest", null, "suggest"),
        new("Guidance/NoAnswer", null, None),
        new("Contacts/Contacts", null, "contact"),
        new("Conversation/Welcome", null, "help"),
        new("Conversation/Choices", Conversation.FeatureVerbs.Report, "report", WithWords: true), // "Rapportera det här" with the member's words
        new("Conversation/Choices", null, None),
        new("Training/Status", null, "training"),
        new("Reporting/MyReports", null, "myreports"),
        new("Reporting/Meeting", null, "meeting"),
    ];

    /// <summary>The action of the first rendered card that the table knows, else <see cref="None"/>.</summary>
    public static string Of(IEnumerable<(string Template, AdaptiveCard Card)> rendered)
    {
        foreach (var (template, card) in rendered)
        {
            var rule = Rules.FirstOrDefault(r => r.Template == template
                && (r.Verb is null || (r.WithWords ? VerbsWithWords(card) : Verbs(card)).Contains(r.Verb)));
            if (rule is not null)
            {
                return rule.Action;
            }
        }

        return None;
    }

    /// <summary>Every action verb of the card.</summary>
    public static HashSet<string> Verbs(AdaptiveCard card) => VerbsWhere(card, _ => true);

    /// <summary>The verbs of the card's actions that carry the member's own words as a description.</summary>
    public static HashSet<string> VerbsWithWords(AdaptiveCard card) =>
        VerbsWhere(card, o => o["description"] is JsonValue d && d.TryGetValue<string>(out var words) && words.Length > 0);

    private static HashSet<string> VerbsWhere(AdaptiveCard card, Func<JsonObject, bool> carries)
    {
        ArgumentNullException.ThrowIfNull(card);
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        Walk(JsonNode.Parse(card.Json), node =>
        {
            if (node is JsonObject o && o["verb"] is JsonValue v && v.TryGetValue<string>(out var verb) && carries(o))
            {
                verbs.Add(verb);
            }
        });
        return verbs;
    }

    /// <summary>What a person reads on the card: its texts, and apart from them its buttons' titles.</summary>
    /// <param name="withChoices">False leaves out the choices of a choice set (the organisation's bodies, places): names, not the bot's words.</param>
    public static (List<string> Body, List<string> Buttons) Texts(AdaptiveCard card, bool withChoices = true)
    {
        ArgumentNullException.ThrowIfNull(card);
        var body = new List<string>();
        var buttons = new List<string>();
        Walk(JsonNode.Parse(card.Json), node =>
        {
            if (node is not JsonObject o)
            {
                return;
            }

            var isAction = o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type.StartsWith("Action.", StringComparison.Ordinal);
            if (!withChoices && o["type"] is JsonValue set && set.TryGetValue<string>(out var setType) && setType == "Input.ChoiceSet" && o["choices"] is JsonArray choices)
            {
                choices.Clear(); // the organisation's bodies or places: names, not the bot's words (the card is parsed anew for this walk)
            }

            foreach (var key in (string[])["text", "title", "label"])
            {
                if (o[key] is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    (isAction ? buttons : body).Add(s);
                }
            }
        });
        return (body, buttons);
    }

    private static void Walk(JsonNode? node, Action<JsonNode> visit)
    {
        if (node is null)
        {
            return;
        }

        visit(node);
        if (node is JsonObject o)
        {
            foreach (var (_, child) in o)
            {
                Walk(child, visit);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                Walk(child, visit);
            }
        }
    }
}
