using System.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Trygg.Teams.Auth;

/// <summary>
/// One OpenID metadata document (and its JWKS) kept fresh by IdentityModel's <see cref="ConfigurationManager{T}"/>:
/// cached, refreshed automatically every 12 h, and on demand when a token names a key we have not seen.
/// </summary>
internal sealed class OpenIdMetadataSource(string metadataAddress, IDocumentRetriever documentRetriever)
{
    // IdentityModel 8 refreshes in the background by default: RequestRefresh() starts a fetch and keeps serving the
    // old document. To retry a token signed with a freshly rotated key we wait (boundedly) for the new document.
    // Real time on purpose: this waits for the network, not for the business clock.
    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RefreshPoll = TimeSpan.FromMilliseconds(25);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager =
        new(metadataAddress, new OpenIdConnectConfigurationRetriever(), documentRetriever);

    private long _lastForcedRefresh;

    public string MetadataAddress => metadataAddress;

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) =>
        _manager.GetConfigurationAsync(cancellationToken);

    /// <summary>
    /// Asks for a new document and returns it once it differs from <paramref name="stale"/> (or after a short wait).
    /// Forced refreshes are throttled like <see cref="ConfigurationManager{T}.RequestRefresh"/> itself, so tokens with
    /// made-up key ids cannot make every request wait or hammer the metadata endpoint.
    /// </summary>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(OpenIdConnectConfiguration stale, CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref _lastForcedRefresh);
        var now = Stopwatch.GetTimestamp();
        var mayRefresh = last == 0 || Stopwatch.GetElapsedTime(last, now) >= _manager.RefreshInterval;
        if (!mayRefresh || Interlocked.CompareExchange(ref _lastForcedRefresh, now, last) != last)
        {
            return await _manager.GetConfigurationAsync(cancellationToken);
        }

        _manager.RequestRefresh();
        while (true)
        {
            var current = await _manager.GetConfigurationAsync(cancellationToken);
            if (!ReferenceEquals(current, stale) || Stopwatch.GetElapsedTime(now) >= RefreshWait)
            {
                return current;
            }

            await Task.Delay(RefreshPoll, cancellationToken);
        }
    }
}

/// <summary>The two key sources inbound tokens are checked against: the Bot Framework channel service and Entra.</summary>
internal sealed class InboundMetadata(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "Trygg.Auth.Metadata";

    public OpenIdMetadataSource Channel { get; } =
        new(options.Value.OpenIdMetadataUrl, new FactoryDocumentRetriever(httpClientFactory, options.Value.RequireHttpsMetadata));

    public OpenIdMetadataSource Entra { get; } =
        new(options.Value.EntraOpenIdMetadataUrl, new FactoryDocumentRetriever(httpClientFactory, options.Value.RequireHttpsMetadata));

    /// <summary>
    /// Uses a fresh factory client per download so handler rotation (DNS changes) applies to these long-lived caches.
    /// </summary>
    private sealed class FactoryDocumentRetriever(IHttpClientFactory factory, bool requireHttps) : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
            new HttpDocumentRetriever(factory.CreateClient(HttpClientName)) { RequireHttps = requireHttps }
                .GetDocumentAsync(address, cancel);
    }
}
