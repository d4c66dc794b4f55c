using Azure.Core;
using Azure.Identity;

namespace Trygg.Teams.Connector;

/// <summary>Bearer tokens for the Bot Connector.</summary>
internal interface IConnectorTokenProvider
{
    /// <summary>The access token to send, or null in anonymous mode (no app id): then no Authorization header is sent.</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Azure.Identity-backed tokens, cached until <see cref="RefreshMargin"/> before expiry. The credentials cache too,
/// but keeping our own copy makes the hot path allocation-free and independent of each credential's policy.
/// </summary>
internal sealed class ConnectorTokenProvider(TokenCredential? credential, string scope, TimeProvider timeProvider)
    : IConnectorTokenProvider, IDisposable
{
    internal static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private AccessToken? _cached;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (credential is null)
        {
            return null;
        }

        if (TryGetFresh(out var token))
        {
            return token;
        }

        // One refresh at a time: a burst of sends after expiry should not stampede Entra.
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryGetFresh(out token))
            {
                return token;
            }

            var fresh = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
            _cached = fresh;
            return fresh.Token;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public void Dispose() => _refreshLock.Dispose();

    private bool TryGetFresh(out string token)
    {
        var cached = _cached;
        if (cached is { } value && timeProvider.GetUtcNow() < value.ExpiresOn - RefreshMargin)
        {
            token = value.Token;
            return true;
        }

        token = string.Empty;
        return false;
    }

    /// <summary>The credential for <see cref="BotOptions.AuthType"/>; null in anonymous mode.</summary>
    internal static TokenCredential? CreateCredential(BotOptions bot)
    {
        if (bot.IsAnonymous)
        {
            return null;
        }

        var appId = bot.AppId!;
        return bot.AuthType switch
        {
            BotAuthType.ClientSecret => new ClientSecretCredential(
                string.IsNullOrWhiteSpace(bot.TenantId) ? "botframework.com" : bot.TenantId,
                appId,
                Require(bot.ClientSecret, "Bot:ClientSecret", bot.AuthType)),
            BotAuthType.Certificate => new ClientCertificateCredential(
                Require(bot.TenantId, "Bot:TenantId", bot.AuthType),
                appId,
                Require(bot.CertificatePath, "Bot:CertificatePath", bot.AuthType)),
            BotAuthType.UserAssignedMSI => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(appId)),
            _ => throw new InvalidOperationException($"Bot:AuthType '{bot.AuthType}' is not supported."),
        };
    }

    private static string Require(string? value, string setting, BotAuthType authType) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"{setting} is required when Bot:AuthType is {authType}.")
            : value;
}
