using System.Collections.Concurrent;
using Trygg.Conversation.References;

namespace Trygg.Fakes;

/// <summary>In-memory conversation references for unit tests (the Table store has its own tests against Azurite).</summary>
internal sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<(string Tenant, string Conversation), ConversationReference> _byConversation = new();
    private readonly ConcurrentDictionary<(string Tenant, string User), ConversationReference> _byUser = new();

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _byConversation[(reference.TenantId, reference.ConversationId)] = reference;
        if (reference.ConversationType == "personal" && reference.UserAadObjectId is { } aad)
        {
            _byUser[(reference.TenantId, aad)] = reference;
        }

        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_byConversation.GetValueOrDefault((tenantId, conversationId)));

    public Task<ConversationReference?> GetPersonalAsync(string tenantId, string userAadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(_byUser.GetValueOrDefault((tenantId, userAadObjectId)));

    public Task<ConversationReference?> GetAnyAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_byConversation.Values.FirstOrDefault(r => r.TenantId == tenantId));

    public Task RemoveAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        _byConversation.TryRemove((tenantId, conversationId), out _);
        return Task.CompletedTask;
    }

    /// <summary>A personal chat with a user, as the bot stores it when the user writes.</summary>
    public ConversationReference AddPersonal(string tenantId, string serviceUrl, string conversationId, string userId, string aadObjectId)
    {
        var reference = new ConversationReference(
            tenantId, conversationId, "personal", serviceUrl, "msteams", "28:bot", "Trygg", userId, aadObjectId, null, null, null, "sv-SE", DateTimeOffset.UnixEpoch);
        SaveAsync(reference, default).GetAwaiter().GetResult();
        return reference;
    }

    /// <summary>A channel conversation of a team, as stored when someone @mentions the bot there.</summary>
    public ConversationReference AddChannel(string tenantId, string serviceUrl, string conversationId, string teamId, string channelId)
    {
        var reference = new ConversationReference(
            tenantId, conversationId, "channel", serviceUrl, "msteams", "28:bot", "Trygg", null, null, null, teamId, channelId, "sv-SE", DateTimeOffset.UnixEpoch);
        SaveAsync(reference, default).GetAwaiter().GetResult();
        return reference;
    }
}
