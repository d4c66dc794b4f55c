using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Trygg.Testing;

/// <summary>
/// Plays where Teams keeps what a member sends: a pasted image at an attachment URL under the service URL (Teams wants the
/// bot's token there) and an attached file at a short-lived download URL. Each fetch is recorded with its Authorization.
/// </summary>
public sealed partial class FakeConnector
{
    public const string FilesPath = "/_connector/_files/";

    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string? Authorization)> _fileFetches = new();

    /// <summary>Serves <paramref name="content"/> and returns its URL, as Teams gives a pasted image's contentUrl or a file's downloadUrl.</summary>
    public string ServeFile(byte[] content)
    {
        var id = Guid.NewGuid().ToString("N");
        _files[id] = content;
        return ServiceUrl[..^BasePath.Length] + FilesPath + id + "?tempauth=fake";
    }

    /// <summary>Every fetch of a served file: its path and the Authorization header sent with it.</summary>
    public IReadOnlyList<(string Path, string? Authorization)> FileFetches => [.. _fileFetches];

    private async Task<bool> TryServeFileAsync(HttpContext context)
    {
        if (context.Request.Method != HttpMethods.Get || !context.Request.Path.StartsWithSegments(FilesPath.TrimEnd('/'), out var rest))
        {
            return false;
        }

        var authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
        _fileFetches.Enqueue((context.Request.Path.Value!, authorization));
        if (!_files.TryGetValue(rest.Value!.TrimStart('/'), out var content))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return true;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
        return true;
    }
}
