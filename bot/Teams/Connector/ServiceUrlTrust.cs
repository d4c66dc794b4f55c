using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Trygg.Teams.Connector;

/// <summary>
/// Defence in depth for outbound calls (protocol.md §2.2): the bot token is only sent to service URLs that are
/// configured or arrived in an activity that passed authentication, so a forged or stored-but-tampered URL
/// cannot make the bot hand its token to someone else.
/// </summary>
internal sealed class ServiceUrlTrust : IServiceUrlTrust
{
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.Ordinal);

    public ServiceUrlTrust(IOptions<BotOptions> botOptions)
    {
        foreach (var url in botOptions.Value.TrustedServiceUrls)
        {
            if (TryNormalize(url, out var normalized))
            {
                _trusted.TryAdd(normalized, 0);
            }
        }
    }

    public void TrustFromAuthenticatedActivity(string serviceUrl)
    {
        if (TryNormalize(serviceUrl, out var normalized))
        {
            _trusted.TryAdd(normalized, 0);
        }
    }

    public bool IsTrusted(string serviceUrl) =>
        TryNormalize(serviceUrl, out var normalized) && _trusted.ContainsKey(normalized);

    /// <summary>
    /// Scheme and host are case-insensitive, the path is not; query and fragment never belong in a service URL.
    /// A trailing slash is added so "…/teams" and "…/teams/" are the same entry.
    /// </summary>
    internal static bool TryNormalize(string? serviceUrl, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(serviceUrl)
            || !Uri.TryCreate(serviceUrl.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            return false;
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
#pragma warning disable CA1308 // URLs are lowercased for comparison, not for display
        normalized = uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped).ToLowerInvariant() + path;
#pragma warning restore CA1308
        return true;
    }
}
