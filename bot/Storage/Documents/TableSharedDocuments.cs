using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Trygg.Storage.Documents;

/// <summary>
/// Shared documents in the <c>documents</c> table. The row key is the SHA-256 of the link token, so reading the
/// table does not give the links away. A property holds at most 64 KiB, so the content is split over several.
/// </summary>
internal sealed class TableSharedDocuments(ITables tables, IOptions<DocumentsOptions> options, TimeProvider time) : ISharedDocuments
{
    internal const string TableName = "documents";
    private const string Partition = "doc";
    private const int ChunkBytes = 60 * 1024;
    private const int MaxChunks = 14;

    public async Task<Uri> ShareAsync(string fileName, string contentType, byte[] content, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > ChunkBytes * MaxChunks)
        {
            throw new ArgumentException($"A shared document holds at most {ChunkBytes * MaxChunks / 1024} KiB.", nameof(content));
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var entity = new TableEntity(Partition, Hash(token))
        {
            ["FileName"] = fileName,
            ["ContentType"] = contentType,
            ["ExpiresAt"] = time.GetUtcNow().Add(lifetime),
            ["Chunks"] = (content.Length + ChunkBytes - 1) / ChunkBytes,
        };
        for (var i = 0; i * ChunkBytes < content.Length; i++)
        {
            entity[$"C{i}"] = content.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, content.Length - (i * ChunkBytes))).ToArray();
        }

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

        var chunks = entity.GetInt32("Chunks") ?? 0;
        var content = new List<byte>();
        for (var i = 0; i < chunks; i++)
        {
            content.AddRange(entity.GetBinary($"C{i}") ?? []);
        }

        return new SharedDocument(entity.GetString("FileName") ?? "document", entity.GetString("ContentType") ?? "application/octet-stream", [.. content], expires);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
