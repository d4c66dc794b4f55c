using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Storage.Documents;
using Trygg.Teams.Connector;
using Trygg.Teams.Wire;

namespace Trygg.Teams.Files;

/// <summary>
/// Teams' way for a bot to give a user a file: a file consent card in their 1:1 chat; when they press Allow, Teams
/// sends <c>fileConsent/invoke</c> with an upload URL in the user's own OneDrive, the bot uploads there and posts a file
/// card that opens the file behind the user's Entra sign-in. Chosen for files with personal data (the review's report
/// and data, the training list with names) because the alternative, a download link, carries its secret in the URL
/// path, which web server and Application Insights request logs keep.
/// </summary>
/// <remarks>
/// The file is found by its id together with the Entra object id of the activity's sender, so only the staff member
/// who asked for it can take it; it is forgotten once uploaded or declined. The upload URL comes from an authenticated
/// Teams activity; the bot still sends only over HTTPS (plain HTTP only to loopback, where the tests' fake Teams lives).
/// </remarks>
public sealed partial class FileConsent(
    IPrivateFiles files,
    IConnectorClient connector,
    IHttpClientFactory http,
    ILogger<FileConsent> logger)
{
    public const string InvokeName = "fileConsent/invoke";
    public const string HttpClientName = "file-upload";
    internal const string ConsentCardType = "application/vnd.microsoft.teams.card.file.consent";
    internal const string InfoCardType = "application/vnd.microsoft.teams.card.file.info";

    /// <summary>The message that offers the file: a file consent card, whose accept and decline contexts name the file.</summary>
    public static Activity Card(FileOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var context = new FileContext(offer.FileId);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Attachments =
            [
                new Attachment
                {
                    ContentType = ConsentCardType,
                    Name = offer.FileName,
                    Content = JsonSerializer.SerializeToElement(new ConsentContent(offer.Description, offer.SizeInBytes, context, context), WireJson.Options),
                },
            ],
        };
    }

    public async Task<InvokeResponse> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tenant = ActivityTranslator.TenantOf(activity);
        var owner = activity.From?.AadObjectId;
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || Read(value, "context", "fileId") is not { } id
            || string.IsNullOrEmpty(tenant) || string.IsNullOrEmpty(owner))
        {
            return new InvokeResponse(StatusCodes.Status400BadRequest, null);
        }

        var texts = FileTexts.For(ActivityTranslator.LanguageOf(activity.Locale));
        var file = await files.GetAsync(tenant, owner, id, cancellationToken);
        if (file is null)
        {
            LogUnknownFile();
            await SayAsync(activity, new Activity { Type = ActivityTypes.Message, Text = texts.Gone }, cancellationToken);
            return new InvokeResponse(StatusCodes.Status200OK, null);
        }

        if (ActivityTranslator.StringOf(value, "action") != "accept")
        {
            await files.DeleteAsync(tenant, owner, id, cancellationToken);
            LogDeclined();
            return new InvokeResponse(StatusCodes.Status200OK, null);
        }

        var upload = Read(value, "uploadInfo", "uploadUrl");
        if (!IsAllowedUploadUrl(upload) || !await UploadAsync(new Uri(upload!), file.Content, cancellationToken))
        {
            await SayAsync(activity, new Activity { Type = ActivityTypes.Message, Text = texts.NotSaved }, cancellationToken);
            return new InvokeResponse(StatusCodes.Status200OK, null);
        }

        await files.DeleteAsync(tenant, owner, id, cancellationToken);
        LogUploaded(file.Content.Length);
        var info = new FileInfoContent(Read(value, "uploadInfo", "uniqueId") ?? string.Empty, Read(value, "uploadInfo", "fileType") ?? string.Empty);
        await SayAsync(
            activity,
            new Activity
            {
                Type = ActivityTypes.Message,
                Attachments =
                [
                    new Attachment
                    {
                        ContentType = InfoCardType,
                        ContentUrl = Read(value, "uploadInfo", "contentUrl"),
                        Name = Read(value, "uploadInfo", "name") ?? file.FileName,
                        Content = JsonSerializer.SerializeToElement(info, WireJson.Options),
                    },
                ],
            },
            cancellationToken);
        return new InvokeResponse(StatusCodes.Status200OK, null);
    }

    internal static bool IsAllowedUploadUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    /// <summary>One PUT of the whole file (OneDrive upload session; our files are far below its 60 MiB per request).</summary>
    private async Task<bool> UploadAsync(Uri url, byte[] content, CancellationToken cancellationToken)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentRange = new ContentRangeHeaderValue(0, Math.Max(content.Length - 1, 0), content.Length);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        try
        {
            using var response = await http.CreateClient(HttpClientName).PutAsync(url, body, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogUploadFailed((int)response.StatusCode);
            return false;
        }
        catch (HttpRequestException e)
        {
            LogUploadFailed(e.StatusCode is { } status ? (int)status : (int)HttpStatusCode.ServiceUnavailable);
            return false;
        }
    }

    private async Task SayAsync(Activity incoming, Activity message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(incoming.ServiceUrl) || string.IsNullOrEmpty(incoming.Conversation?.Id))
        {
            return;
        }

        message.From = incoming.Recipient is null ? null : new ChannelAccount { Id = incoming.Recipient.Id, Name = incoming.Recipient.Name };
        message.Conversation = new ConversationAccount { Id = incoming.Conversation.Id };
        await connector.SendToConversationAsync(incoming.ServiceUrl, incoming.Conversation.Id, message, cancellationToken);
    }

    private static string? Read(JsonElement value, string outer, string inner) =>
        value.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object ? ActivityTranslator.StringOf(o, inner) : null;

    private sealed record FileContext(string FileId);

    private sealed record ConsentContent(string Description, long SizeInBytes, FileContext AcceptContext, FileContext DeclineContext);

    private sealed record FileInfoContent(string UniqueId, string FileType);

    [LoggerMessage(Level = LogLevel.Information, Message = "File consent for a file that is gone or not the sender's")]
    private partial void LogUnknownFile();

    [LoggerMessage(Level = LogLevel.Information, Message = "File declined; forgotten")]
    private partial void LogDeclined();

    [LoggerMessage(Level = LogLevel.Information, Message = "File uploaded to the owner's OneDrive ({Bytes} bytes); forgotten")]
    private partial void LogUploaded(int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File upload failed with {Status}")]
    private partial void LogUploadFailed(int status);
}
