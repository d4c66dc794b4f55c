namespace Trygg.Teams.Auth;

/// <summary>What the endpoint knows about a request before it trusts it.</summary>
/// <param name="Authorization">The raw Authorization header, or null.</param>
/// <param name="ChannelId">The activity's channelId (endorsement check).</param>
/// <param name="ServiceUrl">The activity's serviceUrl (must equal the token's serviceurl claim).</param>
/// <param name="TenantId">channelData.tenant.id (or conversation.tenantId) of the activity.</param>
/// <param name="IsLoopbackConnection">The request arrived on a loopback connection.</param>
public sealed record InboundRequest(
    string? Authorization,
    string? ChannelId,
    string? ServiceUrl,
    string? TenantId,
    bool IsLoopbackConnection);

public enum AuthStatus
{
    Accepted,
    /// <summary>No, malformed, expired or otherwise invalid token: HTTP 401.</summary>
    Unauthorized,
    /// <summary>A valid token that is not allowed to send this activity (endorsement, serviceUrl, tenant): HTTP 403.</summary>
    Forbidden,
}

/// <summary>The verdict on one request. <see cref="Reason"/> is for logs and never contains the token.</summary>
public sealed record AuthResult(AuthStatus Status, string Reason, bool IsAnonymous = false, string? CallerAppId = null)
{
    public bool IsAccepted => Status == AuthStatus.Accepted;

    public static AuthResult Accept(string reason, string? callerAppId = null) => new(AuthStatus.Accepted, reason, false, callerAppId);
    public static AuthResult Anonymous() => new(AuthStatus.Accepted, "anonymous local mode", true);
    public static AuthResult Unauthorized(string reason) => new(AuthStatus.Unauthorized, reason);
    public static AuthResult Forbidden(string reason) => new(AuthStatus.Forbidden, reason);
}

/// <summary>Decides whether an inbound activity comes from the Bot Framework channel (or, for single-tenant bots, from Entra) for this bot.</summary>
public interface IInboundAuthenticator
{
    Task<AuthResult> AuthenticateAsync(InboundRequest request, CancellationToken cancellationToken);
}
