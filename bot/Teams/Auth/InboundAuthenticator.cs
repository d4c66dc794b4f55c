using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Trygg.Teams.Auth;

/// <summary>
/// Authenticates inbound activities per protocol.md §1: a Bot Framework channel token (signature, issuer, audience,
/// lifetime, endorsement, serviceurl); in Development also an Entra token issued to this bot (the emulator or the Agents
/// Playground signing in as the bot) and anonymous requests without an app id, from loopback, on a loopback-only server.
/// Outside Development only the Teams channel is let in: Web Chat, Direct Line and the emulator reach no member data.
/// </summary>
internal sealed class InboundAuthenticator(
    IOptions<BotOptions> options,
    InboundMetadata metadata,
    ILoopbackBinding loopback,
    IHostEnvironment environment,
    ILogger<InboundAuthenticator> logger) : IInboundAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The only channel a deployed bot serves.</summary>
    public const string TeamsChannel = "msteams";

    private readonly bool _isDevelopment = environment.IsDevelopment();

    private readonly BotOptions _options = options.Value;
    private readonly TokenRules _rules = new(options.Value);
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<AuthResult> AuthenticateAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var (result, detail) = !_isDevelopment && !string.Equals(request.ChannelId, TeamsChannel, StringComparison.Ordinal)
            ? AuthResult.Forbidden("channel not served outside Development")
            : _options.IsAnonymous
                ? AuthenticateAnonymous(request)
                : await AuthenticateTokenAsync(request, cancellationToken);

        if (result.IsAccepted && !IsTenantAllowed(request.TenantId))
        {
            result = AuthResult.Forbidden("tenant not allowed");
        }

        if (result.IsAccepted)
        {
            AuthLog.Accepted(logger, result.Reason);
        }
        else
        {
            AuthLog.Rejected(logger, result.Status, result.Reason, detail ?? "-");
        }

        return result;
    }

    private Verdict AuthenticateAnonymous(InboundRequest request)
    {
        // BotOptionsValidator refuses to start this way; the check here keeps a misbuilt host from serving anyone.
        if (!_isDevelopment)
        {
            return AuthResult.Unauthorized("anonymous mode outside Development");
        }

        // There is no app id to check a token against, so a token can only be a misconfiguration or a probe.
        if (request.Authorization is not null)
        {
            return AuthResult.Unauthorized("token presented but no app id configured");
        }

        if (!request.IsLoopbackConnection)
        {
            return AuthResult.Unauthorized("anonymous request not from loopback");
        }

        return loopback.ListensOnLoopbackOnly
            ? AuthResult.Anonymous()
            : AuthResult.Unauthorized("anonymous mode requires a loopback-only binding");
    }

    private async Task<Verdict> AuthenticateTokenAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Authorization))
        {
            return AuthResult.Unauthorized("missing authorization header");
        }

        // Case-sensitive like Bot Builder's extractor.
        if (!request.Authorization.StartsWith(BearerPrefix, StringComparison.Ordinal))
        {
            return AuthResult.Unauthorized("unsupported authorization scheme");
        }

        var token = request.Authorization[BearerPrefix.Length..].Trim();
        if (token.Length == 0 || !_handler.CanReadToken(token))
        {
            return AuthResult.Unauthorized("malformed token");
        }

        // The unvalidated issuer only picks which key set and rules apply; both paths then validate fully.
        string issuer;
        try
        {
            issuer = _handler.ReadJsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            // Includes SecurityTokenMalformedException: segments that are not base64url JSON.
            return AuthResult.Unauthorized("malformed token");
        }

        if (_rules.IsChannelIssuer(issuer))
        {
            return await ValidateAsync(token, metadata.Channel, _rules.ForChannel, (jwt, keys) => CheckChannel(jwt, keys, request), cancellationToken);
        }

        if (_rules.IsEntraIssuer(issuer))
        {
            // A token the bot's own identity obtained for itself: the emulator's and the Playground's path, never Teams'.
            if (!_isDevelopment)
            {
                return AuthResult.Unauthorized("Entra self-token outside Development");
            }

            return await ValidateAsync(token, metadata.Entra, _rules.ForEntra, (jwt, _) => CheckEntra(jwt), cancellationToken);
        }

        return AuthResult.Unauthorized("untrusted issuer");
    }

    private async Task<Verdict> ValidateAsync(
        string token,
        OpenIdMetadataSource source,
        Func<OpenIdConnectConfiguration, TokenValidationParameters> parameters,
        Func<JsonWebToken, OpenIdConnectConfiguration, AuthResult> afterSignature,
        CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration keys;
        try
        {
            keys = await source.GetAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            // ConfigurationManager throws this while no metadata has ever been retrieved (later failures serve the stale copy).
            AuthLog.MetadataUnavailable(logger, source.MetadataAddress, ex);
            return AuthResult.Unauthorized("signing keys unavailable");
        }

        var validation = await _handler.ValidateTokenAsync(token, parameters(keys));
        if (validation.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate without notice: fetch the metadata again and retry once.
            AuthLog.RefreshingKeys(logger, source.MetadataAddress);
            keys = await source.RefreshAsync(keys, cancellationToken);
            validation = await _handler.ValidateTokenAsync(token, parameters(keys));
        }

        if (!validation.IsValid || validation.SecurityToken is not JsonWebToken jwt)
        {
            // Only the exception's type: IdentityModel messages can quote token contents when PII logging is on.
            return new Verdict(
                AuthResult.Unauthorized(TokenRules.Describe(validation.Exception)),
                validation.Exception?.GetType().Name);
        }

        return afterSignature(jwt, keys);
    }

    private static AuthResult CheckChannel(JsonWebToken jwt, OpenIdConnectConfiguration keys, InboundRequest request)
    {
        var kid = jwt.SigningKey?.KeyId ?? jwt.Kid;
        var endorsements = TokenRules.EndorsementsOf(keys, kid);
        if (endorsements is null)
        {
            return AuthResult.Forbidden("signing key has no endorsements");
        }

        if (string.IsNullOrEmpty(request.ChannelId) || !endorsements.Contains(request.ChannelId))
        {
            return AuthResult.Forbidden("signing key not endorsed for channel");
        }

        // This is what makes it safe to send the bot's own token to the activity's serviceUrl later.
        var claimed = jwt.TryGetPayloadValue<string>("serviceurl", out var value) ? value : null;
        if (!SameServiceUrl(claimed, request.ServiceUrl))
        {
            return AuthResult.Forbidden("serviceUrl claim mismatch");
        }

        return AuthResult.Accept("channel token");
    }

    private AuthResult CheckEntra(JsonWebToken jwt)
    {
        // The emulator/Playground signs in as the bot itself: the caller app id must be ours.
        var version = jwt.TryGetPayloadValue<string>("ver", out var ver) ? ver : null;
        var callerClaim = version switch
        {
            "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (callerClaim is null)
        {
            return AuthResult.Unauthorized("missing or unknown ver claim");
        }

        var caller = jwt.TryGetPayloadValue<string>(callerClaim, out var id) ? id : null;
        return string.Equals(caller, _options.AppId, StringComparison.OrdinalIgnoreCase)
            ? AuthResult.Accept("entra token", caller)
            : AuthResult.Unauthorized("caller app id mismatch");
    }

    private bool IsTenantAllowed(string? tenantId) =>
        _options.AllowedTenants.Count == 0
        || (tenantId is not null && _options.AllowedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase));

    internal static bool SameServiceUrl(string? claimed, string? actual) =>
        !string.IsNullOrEmpty(claimed)
        && !string.IsNullOrEmpty(actual)
        && string.Equals(claimed.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>A result plus a token-free detail for the log line.</summary>
    private readonly record struct Verdict(AuthResult Result, string? Detail = null)
    {
        public static implicit operator Verdict(AuthResult result) => new(result);
    }
}
