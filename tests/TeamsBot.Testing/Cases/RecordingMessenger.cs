using System.Globalization;
using System.Text.Json.Nodes;
using Trygg.Cards;
using Trygg.Conversation.Proactive;
using Trygg.Outbox;

namespace Trygg.Testing.Cases;

/// <summary>What a <see cref="RecordingMessenger"/> was asked to send: a channel post, a 1:1 or a conversation message.</summary>
public sealed record SentCard(string Kind, string TenantId, string Target, AdaptiveCard Card, PostedMessage Where)
{
    public const string Channel = "channel";
    public const string User = "user";
    public const string Conversation = "conversation";

    public JsonNode Json => JsonNode.Parse(Card.Json)!;

    /// <summary>The card's words, decoded.</summary>
    public string Text => CardText.Of(Card.Json);
}

/// <summary>
/// A hand-written <see cref="IProactiveMessenger"/> for tests of delivery without HTTP: records every card, can fail
/// chosen sends (<see cref="FailWhen"/>), and knows the Teams ids of the users listed in <see cref="TeamsUserIds"/>.
/// </summary>
public sealed class RecordingMessenger : IProactiveMessenger
{
    private readonly Lock _gate = new();
    private readonly List<SentCard> _sent = [];
    private readonly List<(PostedMessage Message, AdaptiveCard Card)> _updates = [];
    private long _next;

    /// <summary>Consulted before each send and update with (kind, target); return an exception to fail it.</summary>
    public Func<string, string, ProactiveException?>? FailWhen { get; set; }

    public Dictionary<string, string> TeamsUserIds { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<SentCard> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<(PostedMessage Message, AdaptiveCard Card)> Updates
    {
        get
        {
            lock (_gate)
            {
                return [.. _updates];
            }
        }
    }

    public Task<PostedMessage> PostToChannelAsync(string tenantId, string channelId, AdaptiveCard card, CancellationToken cancellationToken) =>
        Record(SentCard.Channel, tenantId, channelId, card, id => $"{channelId};messageid={id}");

    public Task<PostedMessage> SendToUserAsync(string tenantId, string userAadObjectId, AdaptiveCard card, CancellationToken cancellationToken) =>
        Record(SentCard.User, tenantId, userAadObjectId, card, _ => $"a:chat-{userAadObjectId}");

    public Task<PostedMessage> SendToConversationAsync(string tenantId, string conversationId, AdaptiveCard card, CancellationToken cancellationToken) =>
        Record(SentCard.Conversation, tenantId, conversationId, card, _ => conversationId);

    public Task UpdateAsync(string tenantId, PostedMessage message, AdaptiveCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (FailWhen?.Invoke("update", message.ConversationId) is { } failure)
        {
            throw failure;
        }

        lock (_gate)
        {
            _updates.Add((message, card));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, string>> FindTeamsUserIdsAsync(string tenantId, IReadOnlyCollection<string> userAadObjectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userAadObjectIds);
        IReadOnlyDictionary<string, string> found = userAadObjectIds.Where(TeamsUserIds.ContainsKey).ToDictionary(a => a, a => TeamsUserIds[a], StringComparer.OrdinalIgnoreCase);
        return Task.FromResult(found);
    }

    /// <summary>Cards sent to <paramref name="target"/> (a channel id, an Entra id or a conversation id).</summary>
    public IReadOnlyList<SentCard> SentTo(string target) => [.. Sent.Where(s => s.Target == target)];

    private Task<PostedMessage> Record(string kind, string tenantId, string target, AdaptiveCard card, Func<string, string> conversation)
    {
        if (FailWhen?.Invoke(kind, target) is { } failure)
        {
            throw failure;
        }

        lock (_gate)
        {
            var id = (++_next).ToString(CultureInfo.InvariantCulture);
            var where = new PostedMessage(conversation(id), id);
            _sent.Add(new SentCard(kind, tenantId, target, card, where));
            return Task.FromResult(where);
        }
    }
}
