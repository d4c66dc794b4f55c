using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Trygg.Testing;

/// <summary>
/// Plays the user's OneDrive in Teams' file consent flow: a PUT to <see cref="UploadUrl"/> is kept as the uploaded file.
/// </summary>
public sealed partial class FakeConnector
{
    public const string UploadPath = "/_upload/";

    private readonly ConcurrentDictionary<string, byte[]> _uploads = new(StringComparer.Ordinal);

    /// <summary>Where Teams would let the bot upload a file the user allowed (in the fake: on loopback, over HTTP).</summary>
    public string UploadUrl(string name) => ServiceUrl[..^BasePath.Length] + UploadPath + Uri.EscapeDataString(name);

    /// <summary>The bytes uploaded under <paramref name="name"/>, or null.</summary>
    public byte[]? Uploaded(string name) => _uploads.GetValueOrDefault(name);

    private async Task<bool> TryUploadAsync(HttpContext context)
    {
        if (context.Request.Method != HttpMethods.Put || !context.Request.Path.StartsWithSegments(UploadPath.TrimEnd('/'), out var rest))
        {
            return false;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        _uploads[Uri.UnescapeDataString(rest.Value!.TrimStart('/'))] = buffer.ToArray();
        context.Response.StatusCode = StatusCodes.Status201Created;
        return true;
    }
}
