using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Organisations;

/// <summary>The Teams channel where an organisation's security unit receives reports, as registered in Teams.</summary>
/// <param name="ChannelId">The channel's Teams id (the team id for General).</param>
/// <param name="RegisteredBy">Entra object id of the administrator who registered it.</param>
public sealed record SecurityChannel(
    string TenantId,
    string OrganisationId,
    string TeamId,
    string ChannelId,
    string RegisteredBy,
    DateTimeOffset RegisteredAt);

/// <summary>Registered security channels, one per tenant and organisation.</summary>
public interface ISecurityChannelStore
{
    /// <summary>Stores (or replaces) the organisation's channel.</summary>
    Task SaveAsync(SecurityChannel channel, CancellationToken cancellationToken);

    /// <summary>The organisation's channel, or null while none is registered.</summary>
    Task<SecurityChannel?> GetAsync(string tenantId, string organisationId, CancellationToken cancellationToken);
}

/// <summary><see cref="ISecurityChannelStore"/> on the <c>routing</c> table: PartitionKey tenant|organisation, RowKey <c>channel</c>.</summary>
internal sealed class TableSecurityChannelStore(ITables tables) : ISecurityChannelStore
{
    internal const string TableName = "routing";
    private const string RowKey = "channel";

    public async Task SaveAsync(SecurityChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(SecurityChannelEntity.From(channel, Partition(channel.TenantId, channel.OrganisationId)), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<SecurityChannel?> GetAsync(string tenantId, string organisationId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var read = await table.GetEntityIfExistsAsync<SecurityChannelEntity>(Partition(tenantId, organisationId), RowKey, cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } entity ? entity.ToRecord() : null;
    }

    private static string Partition(string tenantId, string organisationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationId);
        return TableKeys.Compose(tenantId, organisationId);
    }

    private sealed class SecurityChannelEntity : TableRow
    {
        public string TenantId { get; set; } = "";

        public string OrganisationId { get; set; } = "";

        public string TeamId { get; set; } = "";

        public string ChannelId { get; set; } = "";

        public string RegisteredBy { get; set; } = "";

        public DateTimeOffset RegisteredAt { get; set; }

        public static SecurityChannelEntity From(SecurityChannel channel, string partitionKey) => new()
        {
            PartitionKey = partitionKey,
            RowKey = TableSecurityChannelStore.RowKey,
            TenantId = channel.TenantId,
            OrganisationId = channel.OrganisationId,
            TeamId = channel.TeamId,
            ChannelId = channel.ChannelId,
            RegisteredBy = channel.RegisteredBy,
            RegisteredAt = channel.RegisteredAt,
        };

        public SecurityChannel ToRecord() => new(TenantId, OrganisationId, TeamId, ChannelId, RegisteredBy, RegisteredAt);
    }
}
