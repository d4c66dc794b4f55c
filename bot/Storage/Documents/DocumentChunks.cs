using Azure.Data.Tables;

namespace Trygg.Storage.Documents;

/// <summary>A file's bytes in a table row: a property holds at most 64 KiB, so the content is split over several.</summary>
internal static class DocumentChunks
{
    private const int ChunkBytes = 60 * 1024;
    private const int MaxChunks = 14;

    /// <summary>Writes <paramref name="content"/> into <c>Chunks</c>, <c>C0</c>, <c>C1</c>... of the entity.</summary>
    public static void Write(TableEntity entity, byte[] content)
    {
        if (content.Length > ChunkBytes * MaxChunks)
        {
            throw new ArgumentException($"A document holds at most {ChunkBytes * MaxChunks / 1024} KiB.", nameof(content));
        }

        entity["Chunks"] = (content.Length + ChunkBytes - 1) / ChunkBytes;
        for (var i = 0; i * ChunkBytes < content.Length; i++)
        {
            entity[$"C{i}"] = content.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, content.Length - (i * ChunkBytes))).ToArray();
        }
    }

    public static byte[] Read(TableEntity entity)
    {
        var chunks = entity.GetInt32("Chunks") ?? 0;
        var content = new List<byte>();
        for (var i = 0; i < chunks; i++)
        {
            content.AddRange(entity.GetBinary($"C{i}") ?? []);
        }

        return [.. content];
    }
}
