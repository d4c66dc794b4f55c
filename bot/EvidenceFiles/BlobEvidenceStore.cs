using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Trygg.Storage;

namespace Trygg.EvidenceFiles;

/// <summary>
/// Evidence in one private container (no public access), one blob per file under its case:
/// <c>{tenant}/{organisation}/{case number}/{evidence id}</c>. The member's file name is kept escaped in the blob's
/// metadata, because metadata must be ASCII; the content is only what the sanitiser produced. The case limit holds for
/// uploads at once: each file first reserves its size in <see cref="EvidenceReservations"/> (an ETag-checked row), so
/// two uploads that together exceed the limit cannot both pass.
/// </summary>
internal sealed class BlobEvidenceStore(BlobContainerClient container, EvidenceReservations reservations, TimeProvider time) : IEvidenceStore
{
    private const string NameKey = "name";
    private const string AddedKey = "added";

    /// <summary>Set once the container is known to exist; a failed create is tried again on the next file, not kept.</summary>
    private volatile bool _created;

    public async Task<EvidenceSaved> SaveAsync(EvidenceCase evidenceCase, string evidenceId, string name, SanitisedFile file, long caseLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var blob = container.GetBlobClient(BlobName(evidenceCase, evidenceId));
        if (await blob.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return EvidenceSaved.AlreadyKept;
        }

        var kept = await ListAsync(evidenceCase, cancellationToken).ConfigureAwait(false);
        if (!await reservations.ReserveAsync(evidenceCase, evidenceId, file.Bytes.Length, kept, caseLimit, cancellationToken).ConfigureAwait(false))
        {
            return EvidenceSaved.CaseFull;
        }

        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType },
            Metadata = new Dictionary<string, string>
            {
                [NameKey] = Uri.EscapeDataString(name),
                [AddedKey] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            },
            // Two turns with the same file (a resent activity) race here: one writes, the other finds it kept.
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        var done = false;
        try
        {
            await blob.UploadAsync(new BinaryData(file.Bytes), options, cancellationToken).ConfigureAwait(false);
            done = true;
            return EvidenceSaved.Saved;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The other turn's upload of the same file holds the same reservation: it stays, and counts that file.
            done = true;
            return EvidenceSaved.AlreadyKept;
        }
        finally
        {
            if (!done)
            {
                await reservations.ReleaseAsync(evidenceCase, evidenceId, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<EvidenceItem>> ListAsync(EvidenceCase evidenceCase, CancellationToken cancellationToken) =>
        [.. (await ListUnderAsync(CasePrefix(evidenceCase), cancellationToken).ConfigureAwait(false)).Select(b => b.Item).OrderBy(i => i.AddedAt)];

    /// <summary>Every file under <paramref name="prefix"/> (a case, or several: report drafts), with its blob's full name.</summary>
    internal async Task<IReadOnlyList<(string BlobName, EvidenceItem Item)>> ListUnderAsync(string prefix, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<(string, EvidenceItem)>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            var id = blob.Name[(blob.Name.LastIndexOf('/') + 1)..];
            items.Add((blob.Name, ItemOf(id, blob.Metadata, blob.Properties.ContentType, blob.Properties.ContentLength ?? 0)));
        }

        return items;
    }

    public async Task<(EvidenceItem Item, byte[] Content)?> ReadAsync(EvidenceCase evidenceCase, string evidenceId, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await container.GetBlobClient(BlobName(evidenceCase, evidenceId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var details = result.Value.Details;
            var content = result.Value.Content.ToArray();
            return (ItemOf(evidenceId, details.Metadata, details.ContentType, content.Length), content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<int> DeleteCaseAsync(EvidenceCase evidenceCase, CancellationToken cancellationToken)
    {
        var deleted = await DeleteUnderAsync(CasePrefix(evidenceCase), cancellationToken).ConfigureAwait(false);
        await reservations.DeleteCaseAsync(evidenceCase, cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    /// <summary>Deletes every file under <paramref name="prefix"/>; returns how many there were.</summary>
    internal async Task<int> DeleteUnderAsync(string prefix, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            await container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
            deleted++;
        }

        return deleted;
    }

    private static EvidenceItem ItemOf(string id, IDictionary<string, string>? metadata, string? contentType, long size)
    {
        var name = metadata is not null && metadata.TryGetValue(NameKey, out var escaped) ? Uri.UnescapeDataString(escaped) : id;
        var added = metadata is not null && metadata.TryGetValue(AddedKey, out var at)
            && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
                ? parsed
                : DateTimeOffset.MinValue;
        return new EvidenceItem(id, name, contentType ?? "application/octet-stream", size, added);
    }

    /// <summary>Each part escaped, so no id can reach into another case's folder.</summary>
    internal static string CasePrefix(EvidenceCase evidenceCase) =>
        $"{Part(evidenceCase.TenantId)}/{Part(evidenceCase.OrganisationId)}/{Part(evidenceCase.CaseNumber)}/";

    private static string BlobName(EvidenceCase evidenceCase, string evidenceId) => CasePrefix(evidenceCase) + Part(evidenceId);

    private static string Part(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value);
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken).ConfigureAwait(false);
            _created = true;
        }
    }
}
