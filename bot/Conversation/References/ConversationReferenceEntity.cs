using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Conversation.References;

/// <summary>
/// A stored <see cref="ConversationReference"/>. PartitionKey = tenant; RowKey = <c>conv|id</c> for the
/// conversation, or <c>user|aadObjectId</c> for the copy that indexes a user's personal chat.
/// </summary>
internal sealed class ConversationReferenceEntity : TableRow
{
    public string TenantId { get; set; } = "";

    public string ConversationId { get; set; } = "";

    public string ConversationType { get; set; } = "";

    public string ServiceUrl { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public string BotId { get; set; } = "";

    public string? BotName { get; set; }

    public string? UserId { get; set; }

    public string? UserAadObjectId { get; set; }

    public string? UserName { get; set; }

    public string? TeamId { get; set; }

    public string? ChannelIdInTeam { get; set; }

    public string? Locale { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static ConversationReferenceEntity FromRecord(ConversationReference reference, string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        TenantId = reference.TenantId,
        ConversationId = reference.ConversationId,
        ConversationType = reference.ConversationType,
        ServiceUrl = reference.ServiceUrl,
        ChannelId = reference.ChannelId,
        BotId = reference.BotId,
        BotName = reference.BotName,
        UserId = reference.UserId,
        UserAadObjectId = reference.UserAadObjectId,
        UserName = reference.UserName,
        TeamId = reference.TeamId,
        ChannelIdInTeam = reference.ChannelIdInTeam,
        Locale = reference.Locale,
        UpdatedAt = reference.UpdatedAt,
    };

    public ConversationReference ToRecord() => new(
        TenantId,
        ConversationId,
        ConversationType,
        ServiceUrl,
        ChannelId,
        BotId,
        BotName,
        UserId,
        UserAadObjectId,
        UserName,
        TeamId,
        ChannelIdInTeam,
        Locale,
        UpdatedAt);
}
