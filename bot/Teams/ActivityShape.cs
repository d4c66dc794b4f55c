using Trygg.Teams.Wire;

namespace Trygg.Teams;

/// <summary>
/// What every activity the bot acts on must carry, checked before anything else runs: the ids that key a member's
/// state and references. Teams always sends them, and none is anywhere near <see cref="MaxIdLength"/>; an activity
/// without them, or with ids far longer than Teams uses, is malformed and gets 400 instead of reaching storage.
/// </summary>
public static class ActivityShape
{
    /// <summary>
    /// Teams ids (<c>a:1…</c>, <c>29:1…</c>, <c>19:…@thread.tacv2;messageid=…</c>, GUIDs) stay well under 300 characters.
    /// Table keys hold 512, and a key combines an id with a tenant or a slot.
    /// </summary>
    public const int MaxIdLength = 400;

    /// <summary>Why the activity cannot be handled (for the log and the 400 answer), or null when it can.</summary>
    public static string? Problem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var acted = activity.Type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate;
        if (acted && string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "no conversation id";
        }

        if (acted && string.IsNullOrWhiteSpace(ActivityTranslator.TenantOf(activity)))
        {
            return "no tenant";
        }

        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke && string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "no sender id";
        }

        string?[] ids =
        [
            activity.Id, activity.ReplyToId, activity.Conversation?.Id, ActivityTranslator.TenantOf(activity),
            activity.From?.Id, activity.From?.AadObjectId, activity.Recipient?.Id,
        ];
        return ids.Any(id => id is { Length: > MaxIdLength }) ? "an id longer than Teams ever sends" : null;
    }
}
