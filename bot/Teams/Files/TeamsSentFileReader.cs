using System.Net.Http.Headers;
using Trygg.Conversation.Turns;
using Trygg.Teams.Connector;

namespace Trygg.Teams.Files;

/// <summary>
/// Reads the files and pasted images a member sent, the way Teams hands them over: a pasted image's contentUrl answers
/// only with the bot's token; an attached file's downloadUrl is short-lived and carries its own authorisation. The bot's
/// token goes only to an address under the trusted service URL that delivered the activity, and a download URL must be
/// under it too or on SharePoint (where Teams keeps files), so a URL someone wrote can never make the bot fetch it.
/// </summary>
internal sealed partial class TeamsSentFileReader(
    IHttpClientFactory httpClientFactory,
    IConnectorTokenProvider tokenProvider,
    IServiceUrlTrust trust,
    ILogger<TeamsSentFileReader> logger) : ISentFileReader
{
    public const string HttpClientName = "Trygg.SentFiles";

    /// <summary>Teams keeps attached files in OneDrive and SharePoint, both served from this domain.</summary>
    private const string SharePointSuffix = ".sharepoint.com";

    public async Task<SentFileContent> ReadAsync(SentFile file, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!IsAllowed(file))
        {
            LogUntrusted(file.NeedsBotToken);
            return SentFileContent.Failed(SentFileProblem.Untrusted);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, file.Location);
        if (file.NeedsBotToken && await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogFailed((int)response.StatusCode);
                return SentFileContent.Failed(SentFileProblem.Unavailable);
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return SentFileContent.Failed(SentFileProblem.TooLarge);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await ReadLimitedAsync(body, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(0);
            return SentFileContent.Failed(SentFileProblem.Unavailable);
        }
    }

    /// <summary>Reads at most one byte more than allowed, so a body without a length cannot fill the memory.</summary>
    private static async Task<SentFileContent> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return SentFileContent.Failed(SentFileProblem.TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return new SentFileContent(buffer.ToArray(), SentFileProblem.None);
    }

    private bool IsAllowed(SentFile file)
    {
        if (!trust.IsTrusted(file.Origin)
            || !Uri.TryCreate(file.Location, UriKind.Absolute, out var location)
            || !string.IsNullOrEmpty(location.UserInfo)
            || file.Location.Contains("%2e", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var path = location.GetLeftPart(UriPartial.Path);
        if (ServiceUrlTrust.TryNormalize(file.Origin, out var origin)
            && ServiceUrlTrust.TryNormalize(path, out var normalized)
            && normalized.StartsWith(origin, StringComparison.Ordinal))
        {
            return true;
        }

        // A download URL carries its own short-lived authorisation; it is fetched without the bot's token.
        return !file.NeedsBotToken
            && location.Scheme == Uri.UriSchemeHttps
            && location.Host.EndsWith(SharePointSuffix, StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sent file was not fetched: its address is not one Teams uses (needs bot token: {NeedsBotToken})")]
    private partial void LogUntrusted(bool needsBotToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sent file could not be fetched (status {StatusCode})")]
    private partial void LogFailed(int statusCode);
}
