using Azure;
using Azure.Data.Tables;
using Trygg.Organisations;
using Trygg.Storage;

namespace Trygg.Members;

/// <summary>One member's profile: PartitionKey = tenant, RowKey = user id (both via TableKeys), fields as columns.</summary>
internal sealed class MemberProfileEntity : TableRow
{
    public string OrganisationId { get; set; } = "";

    public string Party { get; set; } = "";

    /// <summary>The <see cref="MemberRole"/> name, so adding a role never renumbers stored ones.</summary>
    public string Role { get; set; } = "";

    /// <summary>A JSON array of body ids.</summary>
    public string BodyIds { get; set; } = "[]";

    public string? Phone { get; set; }

    public string Name { get; set; } = "";

    public string? Email { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
