using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Trygg.Teams.Connector;

/// <summary>
/// Defence in depth for outbound calls (protocol.md §2.2): the bot token is only sent to a service URL that is on the
/// configured allow-list (<c>Bot:TrustedServiceUrls</c>) or arrived in an activity that passed authentication in this
/// process, so a forged or stored-but-tampered URL cannot make the bot hand its token to someone else.
/// </summary>
/// <remarks>
/// <para>A configured entry is a prefix: it trusts itself and every URL below its path, so the regional Teams base
/// <c>https://smba.trafficmanager.net/emea/</c> also covers <c>https://smba.trafficmanager.net/emea/{tenant}/</c>.
/// A URL learnt from an authenticated activity is trusted exactly, and only in memory.</para>
/// <para>What makes a stored URL (a conversation reference in Table storage) trustworthy: not the row itself. Rows are
/// only written from activities whose service URL was trusted, but anyone who can write the table could change one,
/// and storage does not prove who wrote it. So a stored URL is used only when it is on the allow-list (the Bicep
/// template sets the regional Teams service URLs) or this process saw it in an authenticated activity. That lets a
/// freshly started instance (a restart at night, a second App Service instance) deliver alerts at once, while a
/// tampered row can at most point the bot at another Microsoft Teams endpoint.</para>
/// </remarks>
internal sealed class ServiceUrlTrust : IServiceUrlTrust
{
    private readonly ConcurrentDictionary<string, byte> _authenticated = new(StringComparer.Ordinal);
    private readonly string[] _configured;

    public ServiceUrlTrust(IOptions<BotOptions> botOptions)
    {
        var configured = new List<string>();
        foreach (var url in botOptions.Value.TrustedServiceUrls)
        {
            if (TryNormalize(url, out var normalized))
            {
                configured.Add(normalized);
            }
        }

        _configured = [.. configured];
    }

    public void TrustFromAuthenticatedActivity(string serviceUrl)
    {
        if (TryNormalize(serviceUrl, out var normalized))
        {
            _authenticated.TryAdd(normalized, 0);
        }
    }

    public bool IsTrusted(string serviceUrl) =>
        TryNormalize(serviceUrl, out var normalized)
        && (_authenticated.ContainsKey(normalized) || _configured.Any(prefix => IsBelow(normalized, prefix)));

    /// <summary>
    /// True when <paramref name="url"/> is <paramref name="prefix"/> or lies below it. Both are normalized, so they end
    /// with '/', and a plain string prefix is a whole-segment prefix ("…/emea/" never covers "…/emeax/"). Dot segments
    /// are resolved by <see cref="Uri"/>; an escaped one could climb out of the prefix, so it is never trusted.
    /// </summary>
    private static bool IsBelow(string url, string prefix) =>
        url.StartsWith(prefix, StringComparison.Ordinal)
        && (url.Length == prefix.Length || !url.Contains("%2e", StringComparison.OrdinalIgnoreCase));

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
