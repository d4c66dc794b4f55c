namespace Trygg.Conversation.State;

/// <summary>Whose state: one user in one conversation, in one tenant; <see cref="Slot"/> separates features.</summary>
public sealed record StateKey(string TenantId, string ConversationId, string UserId, string Slot);

/// <summary>
/// Per-conversation, per-user state kept in Azure Tables with optimistic concurrency: an update reads,
/// applies <c>update</c> and writes with the ETag it read; on a conflict it re-reads and applies again,
/// so two concurrent turns never overwrite each other.
/// </summary>
public interface IConversationStateStore
{
    Task<T?> GetAsync<T>(StateKey key, CancellationToken cancellationToken) where T : class;

    /// <summary>Apply <paramref name="update"/> to the current value (or <c>null</c>) and store the result. Returns what was stored.</summary>
    Task<T> UpdateAsync<T>(StateKey key, Func<T?, T> update, CancellationToken cancellationToken) where T : class;

    Task DeleteAsync(StateKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the rest of the current async flow as one turn of <paramref name="tenantId"/>/<paramref name="conversationId"/>/<paramref name="userId"/>:
    /// a store may then read all of that member's state in the conversation with one request and serve the turn's
    /// reads from it, and its updates try the ETag it read before reading again. Dispose at the end of the turn.
    /// </summary>
    IDisposable BeginTurn(string tenantId, string conversationId, string userId);
}
