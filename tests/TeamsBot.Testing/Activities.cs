using System.Text.Json.Nodes;

namespace Trygg.Testing;

/// <summary>Activities shaped like the ones Teams and the Agents Playground send.</summary>
public sealed class Activities(string serviceUrl)
{
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";
    public const string BotId = "28:trygg-test-bot";

    public string ServiceUrl { get; } = serviceUrl;

    public string ConversationId { get; init; } = "a:" + Guid.NewGuid().ToString("N");

    public string UserId { get; init; } = "29:user-" + Guid.NewGuid().ToString("N")[..8];

    public string UserAadObjectId { get; init; } = Guid.NewGuid().ToString();

    public string Locale { get; init; } = "sv-SE";

    public JsonObject Message(string text, string? id = null) => Base("message", id, new JsonObject
    {
        ["text"] = text,
        ["textFormat"] = "plain",
    });

    /// <summary>A message written in a team channel (the conversation is the channel), as Teams sends it after an @mention.</summary>
    public JsonObject ChannelMessage(string text, string teamId = "19:team@thread.tacv2")
    {
        var activity = Message(text);
        activity["conversation"]!["conversationType"] = "channel";
        activity["conversation"]!["isGroup"] = true;
        activity["channelData"]!["team"] = new JsonObject { ["id"] = teamId };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = ConversationId };
        return activity;
    }

    /// <summary>
    /// Makes <paramref name="activity"/> come from someone in a team channel, inside a reply chain, as Teams sends a
    /// message or a card press there (the conversation is the channel with the thread's message id).
    /// </summary>
    public static JsonObject InChannel(JsonObject activity, string channelId, string userAadObjectId, string name, string teamId = "19:team@thread.tacv2")
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(userAadObjectId);
        activity["from"] = new JsonObject { ["id"] = "29:" + userAadObjectId[^4..], ["name"] = name, ["aadObjectId"] = userAadObjectId };
        activity["conversation"] = new JsonObject
        {
            ["id"] = channelId + ";messageid=1700000000001",
            ["conversationType"] = "channel",
            ["isGroup"] = true,
            ["tenantId"] = TenantId,
        };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = teamId },
            ["channel"] = new JsonObject { ["id"] = channelId },
        };
        return activity;
    }

    public JsonObject Submit(JsonObject value, string replyToId = "card-1") => Base("message", null, new JsonObject
    {
        ["value"] = value,
        ["replyToId"] = replyToId,
    });

    public JsonObject Execute(string verb, JsonObject? data = null, string replyToId = "card-1") => Base("invoke", null, new JsonObject
    {
        ["name"] = "adaptiveCard/action",
        ["replyToId"] = replyToId,
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["id"] = "action-" + verb,
                ["verb"] = verb,
                ["data"] = data ?? new JsonObject(),
            },
            ["trigger"] = "manual",
        },
    });

    public JsonObject InstallationUpdate(string action = "add") => Base("installationUpdate", null, new JsonObject
    {
        ["action"] = action,
    });

    public JsonObject BotAdded() => Base("conversationUpdate", null, new JsonObject
    {
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
    });

    public JsonObject Base(string type, string? id, JsonObject? extra = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? "act-" + Guid.NewGuid().ToString("N")[..12],
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = ServiceUrl,
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Alex Wilber", ["aadObjectId"] = UserAadObjectId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Trygg" },
            ["conversation"] = new JsonObject
            {
                ["id"] = ConversationId,
                ["conversationType"] = "personal",
                ["tenantId"] = TenantId,
            },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = Locale,
        };
        foreach (var (key, value) in extra ?? [])
        {
            activity[key] = value?.DeepClone();
        }

        return activity;
    }
}
