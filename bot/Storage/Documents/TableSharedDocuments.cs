using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Trygg.Storage.Documents;

/// <summary>
/// Shared documents in the <c>documents</c> table. The row key is the SHA-256 of the link token, so reading the
/// table does not give the links away. Images only: a link is a bearer secret in a URL path, which web server and
/// Application Insights request logs keep, so a file with personal data goes through <see cref="IPrivateFiles"/>.
/// </summary>
internal sealed class TableSharedDocuments(ITables tables, IOptions<DocumentsOptions> options, TimeProvider time) : ISharedDocuments
{
    internal const string TableName = "documents";
    private const string Partition = "doc";

    public async Task<Uri> ShareAsync(string fileName, string contentType, byte[] content, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentNullException.ThrowIfNull(content);
        if (!contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Only images (charts of counts) are shared by link; send a file with personal data through IPrivateFiles.", nameof(contentType));
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var entity = new TableEntity(Partition, Hash(token))
        {
            ["FileName"] = fileName,
            ["ContentType"] = contentType,
            ["ExpiresAt"] = time.GetUtcNow().Add(lifetime),
        };
        DocumentChunks.Write(entity, content);

        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        return new Uri($"{options.Value.PublicBaseUrl.TrimEnd('/')}/documents/{token}");
    }

    public async Task<SharedDocument?> OpenAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        NullableResponse<TableEntity> found;
        found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Hash(token), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } entity)
        {
            return null;
        }

        var expires = entity.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue;
        if (expires <= time.GetUtcNow())
        {
            return null;
        }

        // Links were once also given for files with personal data (a training list, a review's CSV); only images are now,
        // so such a link, still within its lifetime, opens nothing.
        if (entity.GetString("ContentType") is not { } type || !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new SharedDocument(entity.GetString("FileName") ?? "document", entity.GetString("ContentType") ?? "application/octet-stream", DocumentChunks.Read(entity), expires);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
