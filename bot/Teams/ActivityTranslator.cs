using System.Text.Json;
using Trygg.Conversation.Turns;
using Trygg.Teams.Wire;
using Trygg.Texts;

namespace Trygg.Teams;

/// <summary>Translates a wire activity into the <see cref="Turn"/> features see.</summary>
public static class ActivityTranslator
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    /// <summary>A file the member attached in Teams (apps with supportsFiles): a short-lived download URL in its content.</summary>
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The tenant of an activity: channelData.tenant.id, else conversation.tenantId.</summary>
    public static string? TenantOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant)
            && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }

        return activity.Conversation?.TenantId;
    }

    public static Turn ToTurn(Activity activity, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var from = activity.From;
        var turn = new Turn(
            KindOf(activity),
            TenantOf(activity) ?? string.Empty,
            activity.Conversation?.Id ?? string.Empty,
            ScopeOf(activity),
            new Participant(from?.Id ?? string.Empty, from?.AadObjectId, from?.Name),
            LanguageOf(activity.Locale),
            receivedAt)
        {
            ReplyToId = activity.ReplyToId,
            TeamId = ChannelDataString(activity, "team", "id"),
            ChannelId = ChannelDataString(activity, "channel", "id"),
        };

        return turn.Kind switch
        {
            TurnKind.Message => turn with { Text = TextWithoutBotMention(activity), Files = FilesOf(activity) },
            TurnKind.CardSubmit => turn with { Action = SubmitAction(activity.Value!.Value) },
            TurnKind.CardExecute => turn with { Action = ExecuteAction(activity.Value) },
            TurnKind.MembersAdded => turn with
            {
                MembersAdded = [.. Members(activity.MembersAdded)
                    .Where(m => m.Id != activity.Recipient?.Id)
                    .Select(m => new Participant(m.Id ?? string.Empty, m.AadObjectId, m.Name))],
            },
            _ => turn,
        };
    }

    /// <summary>Swedish unless the member's Teams client speaks English.</summary>
    public static Language LanguageOf(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Swedish;

    private static TurnKind KindOf(Activity activity)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return activity.Value is { ValueKind: JsonValueKind.Object } && string.IsNullOrWhiteSpace(activity.Text)
                    ? TurnKind.CardSubmit
                    : TurnKind.Message;
            case ActivityTypes.Invoke when activity.Name == AdaptiveCardActionInvoke:
                return TurnKind.CardExecute;
            case ActivityTypes.InstallationUpdate:
                return activity.Action switch
                {
                    "add" or "add-upgrade" => TurnKind.Installed,
                    "remove" or "remove-upgrade" => TurnKind.Uninstalled,
                    _ => TurnKind.Other,
                };
            case ActivityTypes.ConversationUpdate:
                var botId = activity.Recipient?.Id;
                if (Members(activity.MembersAdded).Any(m => m.Id == botId))
                {
                    // Teams announces an install twice: installationUpdate (with the member's locale) and this.
                    // Without a locale this one cannot know the member's language, so it leaves the welcome
                    // to the installationUpdate instead of racing it with a guess.
                    return string.IsNullOrEmpty(activity.Locale) ? TurnKind.Other : TurnKind.Installed;
                }

                if (Members(activity.MembersRemoved).Any(m => m.Id == botId))
                {
                    return TurnKind.Uninstalled;
                }

                return Members(activity.MembersAdded).Any() ? TurnKind.MembersAdded : TurnKind.Other;
            case ActivityTypes.MessageReaction:
                return TurnKind.Reaction;
            default:
                return TurnKind.Other;
        }
    }

    private static ConversationScope ScopeOf(Activity activity) => activity.Conversation?.ConversationType switch
    {
        "channel" => ConversationScope.Channel,
        "groupChat" => ConversationScope.GroupChat,
        "personal" => ConversationScope.Personal,
        _ when activity.Conversation?.IsGroup == true => ConversationScope.GroupChat,
        _ => ConversationScope.Personal,
    };

    /// <summary>
    /// Removes the bot's own @mention (the entity's text, or &lt;at&gt;name&lt;/at&gt;) from the message, the way
    /// Teams bots must in channels. Mentions of other people stay.
    /// </summary>
    public static string? TextWithoutBotMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text;
        if (text is null || activity.Entities is null)
        {
            return text?.Trim();
        }

        foreach (var entity in activity.Entities)
        {
            if (entity.ValueKind != JsonValueKind.Object
                || StringOf(entity, "type") != "mention"
                || !entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object
                || StringOf(mentioned, "id") is not { } id || id != activity.Recipient?.Id)
            {
                continue;
            }

            var mentionText = entity.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : null;
            if (string.IsNullOrEmpty(mentionText) && mentioned.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                mentionText = $"<at>{name.GetString()}</at>";
            }

            if (!string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Trim();
    }

    /// <summary>
    /// Pasted images (<c>image/*</c> with a contentUrl that needs the bot's token) and attached files (file download
    /// info with a downloadUrl). Cards, the HTML copy of the message and anything else Teams attaches are not files.
    /// </summary>
    internal static IReadOnlyList<SentFile> FilesOf(Activity activity)
    {
        var origin = activity.ServiceUrl ?? string.Empty;
        var files = new List<SentFile>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment?.ContentType is not { } type)
            {
                continue;
            }

            if (type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(attachment.ContentUrl))
            {
                files.Add(new SentFile(NameOf(attachment, "image"), attachment.ContentUrl, origin, NeedsBotToken: true));
            }
            else if (type == FileDownloadInfo
                && attachment.Content is { ValueKind: JsonValueKind.Object } content
                && StringOf(content, "downloadUrl") is { Length: > 0 } downloadUrl)
            {
                files.Add(new SentFile(NameOf(attachment, "file"), downloadUrl, origin, NeedsBotToken: false));
            }
        }

        return files;
    }

    /// <summary>The name the member sees; Teams names a pasted image nothing, so it gets a plain one.</summary>
    private static string NameOf(Attachment attachment, string fallback) =>
        string.IsNullOrWhiteSpace(attachment.Name) ? fallback : attachment.Name.Trim();

    /// <summary>The members listed, without the nulls a malformed activity can carry.</summary>
    private static IEnumerable<ChannelAccount> Members(IList<ChannelAccount>? members) =>
        members?.Where(m => m is not null) ?? [];

    /// <summary>A string property of a JSON object, or null when it is missing or of another type.</summary>
    internal static string? StringOf(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static CardAction SubmitAction(JsonElement value)
    {
        var data = Flatten(value);
        data.TryGetValue("verb", out var verb);
        data.Remove("verb");
        return new CardAction(verb ?? string.Empty, data);
    }

    /// <summary>value.action.verb and value.action.data (inputs merged in by the client).</summary>
    private static CardAction? ExecuteAction(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object
            ? Flatten(d)
            : new Dictionary<string, string?>(StringComparer.Ordinal);
        return new CardAction(verb.GetString()!, data);
    }

    /// <summary>Card data as strings (inputs always are); nested objects are kept as their JSON text.</summary>
    private static Dictionary<string, string?> Flatten(JsonElement obj)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (property.NameEquals("msteams"))
            {
                continue;
            }

            result[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => property.Value.GetRawText(),
            };
        }

        return result;
    }

    private static string? ChannelDataString(Activity activity, string objectName, string propertyName) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(objectName, out var obj) && obj.ValueKind == JsonValueKind.Object
        && obj.TryGetProperty(propertyName, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
