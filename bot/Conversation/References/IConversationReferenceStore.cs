namespace Trygg.Conversation.References;

/// <summary>
/// Everything needed to message a conversation later (proactively). Only written from authenticated
/// activities, so its <see cref="ServiceUrl"/> is trusted.
/// </summary>
public sealed record ConversationReference(
    string TenantId,
    string ConversationId,
    string ConversationType,
    string ServiceUrl,
    string ChannelId,
    string BotId,
    string? BotName,
    string? UserId,
    string? UserAadObjectId,
    string? UserName,
    string? TeamId,
    string? ChannelIdInTeam,
    string? Locale,
    DateTimeOffset UpdatedAt);

public interface IConversationReferenceStore
{
    /// <summary>Insert or replace the reference of a conversation (and, for personal chats, the user's 1:1 index).</summary>
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    Task<ConversationReference?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The personal (1:1) conversation with a user, by Entra object id.</summary>
    Task<ConversationReference?> GetPersonalAsync(string tenantId, string userAadObjectId, CancellationToken cancellationToken);

    /// <summary>
    /// Some conversation of the tenant, or null when the bot has never been spoken to there: for the service URL and
    /// the bot's id when a proactive message goes to a conversation the bot has not seen (a new 1:1 chat, a thread).
    /// </summary>
    Task<ConversationReference?> GetAnyAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Forget a conversation (the bot was uninstalled there).</summary>
    Task RemoveAsync(string tenantId, string conversationId, CancellationToken cancellationToken);
}
