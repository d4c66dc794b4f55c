using System.Text.Json;
using Azure.Data.Tables;
using Trygg.Storage;
using Trygg.Organisations;

namespace Trygg.Members;

/// <summary>
/// <see cref="IMemberProfileStore"/> on the <c>members</c> table, one row per member.
/// </summary>
/// <remarks>
/// A save writes the whole profile (Replace, so a removed phone number really goes). Only the member writes their
/// profile, always the complete form, so the later of two saves is the one they meant: a conditional write with the
/// ETag would only turn a double-click into an error. Fields someone else maintains belong in their own table.
/// </remarks>
internal sealed class TableMemberProfileStore(ITables tables) : IMemberProfileStore
{
    internal const string TableName = "members";

    public async Task<MemberProfile?> GetAsync(MemberKey key, CancellationToken cancellationToken)
    {
        var (partitionKey, rowKey) = Keys(key);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<MemberProfileEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? ToProfile(entity) : null;
    }

    public async Task SaveAsync(MemberKey key, MemberProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var (partitionKey, rowKey) = Keys(key);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(partitionKey, rowKey, profile), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<(MemberKey Key, MemberProfile Profile)>> ListAsync(string organisationId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var result = new List<(MemberKey, MemberProfile)>();
        // One row per member across tenants; a municipality has a few thousand at most.
        await foreach (var entity in table.QueryAsync<MemberProfileEntity>(e => e.OrganisationId == organisationId, cancellationToken: cancellationToken))
        {
            result.Add((new MemberKey(TableKeys.Decode(entity.PartitionKey), TableKeys.Decode(entity.RowKey)), ToProfile(entity)));
        }

        return result;
    }

    private static (string PartitionKey, string RowKey) Keys(MemberKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (TableKeys.From(key.TenantId), TableKeys.From(key.UserId));
    }

    internal static MemberProfileEntity ToEntity(string partitionKey, string rowKey, MemberProfile profile) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        OrganisationId = profile.OrganisationId,
        Party = profile.Party,
        Role = profile.Role.ToString(),
        BodyIds = JsonSerializer.Serialize(profile.BodyIds),
        Phone = profile.Phone,
        Name = profile.Name,
        Email = profile.Email,
        UpdatedAt = profile.UpdatedAt,
    };

    internal static MemberProfile ToProfile(MemberProfileEntity entity)
    {
        // No keys or values in the message: they identify the member.
        if (!Enum.TryParse<MemberRole>(entity.Role, ignoreCase: false, out var role) || !Enum.IsDefined(role))
        {
            throw new InvalidDataException("A member profile row has an unknown role; was it written by a newer version of the bot?");
        }

        return new MemberProfile(
            entity.OrganisationId,
            entity.Party,
            role,
            JsonSerializer.Deserialize<string[]>(entity.BodyIds) ?? [],
            entity.Phone,
            entity.Name,
            entity.Email,
            entity.UpdatedAt);
    }
}
