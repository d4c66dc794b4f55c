using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Trygg.Cases;
using Trygg.Conversation.State;
using Trygg.Guidance;
using Trygg.Members;
using Trygg.Reporting;
using Trygg.Storage;
using Trygg.Storage.Documents;
using Trygg.Training;

namespace Trygg.Privacy;

/// <summary>
/// A draft as the privacy side reads it: when it was last changed and whether it was sent (its text is not read); its id
/// names the folder of the files sent with it.
/// </summary>
internal sealed record DraftStamp(DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? CaseNumber, string? Id = null)
{
    public const string Slot = "report-draft";

    public bool Sent => CaseNumber is not null;
}

/// <summary>A short-lived note in a member's conversation state, as the privacy side reads it: when it was written.</summary>
internal sealed record NoteStamp(DateTimeOffset At);

/// <summary>One of a member's training records, as the summary shows it.</summary>
internal sealed record TrainingLine(string CampaignId, string CycleKey, DateTimeOffset? DoneAt);

/// <summary>One of a member's meeting notices, as the summary shows it.</summary>
internal sealed record NoticeLine(string Reference, DateTimeOffset SubmittedAt);

/// <summary>
/// The one place that knows where personal data lies outside the incident partition's cases (see docs/data.md):
/// conversation state (drafts, language), member profiles, training records, meeting notices, guidance
/// feedback and shared documents. Other features own these tables; this class only finds, lists and deletes rows in
/// them by the layouts their stores document, so erasure and retention have one list to keep complete.
/// </summary>
internal sealed class TablePersonalData(ITables tables)
{
    private const string StateTable = TableConversationStateStore.TableName;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // ---- Conversation state (drafts, language choice, welcome) ----

    /// <summary>Every stored report draft: its keys, its stamp and ETag (a scan of the state table; a daily job).</summary>
    public async Task<IReadOnlyList<(string PartitionKey, string RowKey, ETag ETag, DraftStamp Draft)>> AllDraftsAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StateTable, cancellationToken);
        var suffix = TableKeys.Separator + DraftStamp.Slot;
        var result = new List<(string, string, ETag, DraftStamp)>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (row.RowKey.EndsWith(suffix, StringComparison.Ordinal) && Read<DraftStamp>(row) is { } draft)
            {
                result.Add((row.PartitionKey, row.RowKey, row.ETag, draft));
            }
        }

        return result;
    }

    /// <summary>Every conversation-state row of one note slot (e.g. the guidance's question kept after "Nej"), with when it was written.</summary>
    public async Task<IReadOnlyList<(string PartitionKey, string RowKey, ETag ETag, DateTimeOffset At)>> AllNotesAsync(string slot, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StateTable, cancellationToken);
        var suffix = TableKeys.Separator + slot;
        var result = new List<(string, string, ETag, DateTimeOffset)>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (row.RowKey.EndsWith(suffix, StringComparison.Ordinal) && Read<NoteStamp>(row) is { } note)
            {
                result.Add((row.PartitionKey, row.RowKey, row.ETag, note.At));
            }
        }

        return result;
    }

    /// <summary>Deletes a draft unless the member changed it since it was read (then it is not expired any more).</summary>
    public async Task<bool> DeleteDraftAsync(string partitionKey, string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StateTable, cancellationToken);
        return await table.TryDeleteEntityAsync(partitionKey, rowKey, etag, cancellationToken);
    }

    /// <summary>Every state row of one conversation (a personal chat holds only its member's state). Returns how many.</summary>
    public async Task<int> DeleteConversationStateAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StateTable, cancellationToken);
        var partitionKey = TableKeys.Compose(tenantId, conversationId);
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partitionKey, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        return await PrivacyTableOps.DeleteAsync(table, partitionKey, keys, cancellationToken);
    }

    // ---- Member profile ----

    public async Task<bool> DeleteProfileAsync(MemberKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await tables.GetAsync(TableMemberProfileStore.TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.From(key.TenantId), TableKeys.From(key.UserId), select: ["RowKey"], cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return false;
        }

        await table.TryDeleteEntityAsync(TableKeys.From(key.TenantId), TableKeys.From(key.UserId), ETag.All, cancellationToken);
        return true;
    }

    // ---- Training records: partition tenant|organisation|campaign|cycle, row = the member's id ----

    public async Task<IReadOnlyList<TrainingLine>> TrainingAsync(string tenantId, string organisationId, string memberId, CancellationToken cancellationToken)
    {
        var lines = new List<TrainingLine>();
        await foreach (var row in TrainingRowsAsync(tenantId, organisationId, memberId, cancellationToken))
        {
            var parts = TableKeys.Split(row.PartitionKey);
            lines.Add(new TrainingLine(parts.Length > 2 ? parts[2] : "", parts.Length > 3 ? parts[3] : "", row.GetDateTimeOffset("DoneAt")));
        }

        return lines;
    }

    public async Task<int> DeleteTrainingAsync(string tenantId, string organisationId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableTrainingRecords.TableName, cancellationToken);
        var count = 0;
        await foreach (var row in TrainingRowsAsync(tenantId, organisationId, memberId, cancellationToken))
        {
            await table.TryDeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            count++;
        }

        return count;
    }

    private async IAsyncEnumerable<TableEntity> TrainingRowsAsync(
        string tenantId, string organisationId, string memberId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableTrainingRecords.TableName, cancellationToken);
        var prefix = TableKeys.Compose(tenantId, organisationId) + TableKeys.Separator;
        var to = prefix[..^1] + (char)(TableKeys.Separator + 1);
        var rowKey = TableKeys.Encode(memberId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {to} and RowKey eq {rowKey}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "DoneAt"], cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }

    // ---- Meeting notices: the notices table, partition tenant|organisation, rows notice|{reference} ----

    public async Task<IReadOnlyList<NoticeLine>> NoticesAsync(string tenantId, string organisationId, string memberId, CancellationToken cancellationToken) =>
        [.. (await NoticeRowsAsync(tenantId, organisationId, memberId, cancellationToken)).Select(n => new NoticeLine(n.Reference, n.SubmittedAt))];

    public async Task<int> DeleteNoticesAsync(string tenantId, string organisationId, string memberId, CancellationToken cancellationToken)
    {
        var rows = await NoticeRowsAsync(tenantId, organisationId, memberId, cancellationToken);
        var table = await tables.GetAsync(TableMeetingNoticeStore.TableName, cancellationToken);
        return await PrivacyTableOps.DeleteAsync(table, CaseKeys.Partition(tenantId, organisationId), [.. rows.Select(r => r.RowKey)], cancellationToken);
    }

    /// <summary>Every meeting notice (a scan of notice rows; a daily job).</summary>
    public async Task<IReadOnlyList<MeetingNoticeEntity>> AllNoticesAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableMeetingNoticeStore.TableName, cancellationToken);
        var (from, to) = NoticeRange();
        var filter = TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {to}");
        var result = new List<MeetingNoticeEntity>();
        await foreach (var row in table.QueryAsync<MeetingNoticeEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(row);
        }

        return result;
    }

    public async Task DeleteNoticeAsync(MeetingNoticeEntity notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var table = await tables.GetAsync(TableMeetingNoticeStore.TableName, cancellationToken);
        await table.TryDeleteEntityAsync(notice.PartitionKey, notice.RowKey, ETag.All, cancellationToken);
    }

    private async Task<IReadOnlyList<MeetingNoticeEntity>> NoticeRowsAsync(string tenantId, string organisationId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableMeetingNoticeStore.TableName, cancellationToken);
        var partitionKey = CaseKeys.Partition(tenantId, organisationId);
        var (from, to) = NoticeRange();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to} and ReporterId eq {memberId}");
        var result = new List<MeetingNoticeEntity>();
        await foreach (var row in table.QueryAsync<MeetingNoticeEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(row);
        }

        return result;
    }

    private static (string From, string To) NoticeRange() => ("notice" + TableKeys.Separator, "notice" + (char)(TableKeys.Separator + 1));

    // ---- Guidance feedback ("Nej" answers: no identity, but the question is free text) ----

    /// <summary>Deletes feedback older than its organisation's cut-off. Returns how many.</summary>
    public async Task<int> DeleteOldFeedbackAsync(Func<string, DateTimeOffset> cutoffOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cutoffOf);
        var table = await tables.GetAsync(TableGuidanceFeedbackStore.TableName, cancellationToken);
        var count = 0;
        await foreach (var row in table.QueryAsync<GuidanceFeedbackEntity>(cancellationToken: cancellationToken))
        {
            if (row.AnsweredAt < cutoffOf(row.OrganisationId))
            {
                await table.TryDeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                count++;
            }
        }

        return count;
    }

    // ---- Shared documents (review reports, training CSV with names): gone once their link has expired ----

    public async Task<int> DeleteExpiredDocumentsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableSharedDocuments.TableName, cancellationToken);
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"ExpiresAt le {now}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.TryDeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            count++;
        }

        return count;
    }

    private static T? Read<T>(TableEntity row) where T : class
    {
        try
        {
            return row.GetString("Json") is { } json ? JsonSerializer.Deserialize<T>(json, Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
