using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trygg.Teams.Wire;

/// <summary>The connector's answer to a send or update: the id of the activity it stored.</summary>
public sealed record ResourceResponse([property: JsonPropertyName("id")] string? Id);

/// <summary>Body of POST v3/conversations.</summary>
public sealed class ConversationParameters
{
    [JsonPropertyName("isGroup")] public bool? IsGroup { get; set; }
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; set; }
    [JsonPropertyName("members")] public IList<ChannelAccount>? Members { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonPropertyName("activity")] public Activity? Activity { get; set; }
    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; set; }
}

/// <summary>Answer to POST v3/conversations.</summary>
public sealed class ConversationResourceResponse
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("activityId")] public string? ActivityId { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
}

/// <summary>A member as Teams returns it from the roster APIs.</summary>
public sealed class TeamsChannelAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; set; }
    [JsonPropertyName("givenName")] public string? GivenName { get; set; }
    [JsonPropertyName("surname")] public string? Surname { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("userPrincipalName")] public string? UserPrincipalName { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonPropertyName("userRole")] public string? UserRole { get; set; }
    [JsonExtensionData] public IDictionary<string, JsonElement>? Extra { get; set; }
}
