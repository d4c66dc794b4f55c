using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Guidance;

/// <summary>
/// <see cref="IGuidanceFeedbackStore"/> on the <c>guidancefeedback</c> table: one partition per organisation, RowKey
/// newest first (inverted ticks of the answer time) and the card id, so listing the latest is a prefix scan and a
/// changed mind is an upsert of the same row.
/// </summary>
internal sealed class TableGuidanceFeedbackStore(ITables tables) : IGuidanceFeedbackStore
{
    internal const string TableName = "guidancefeedback";

    /// <summary>Member text is capped; a question longer than this is stored cut, with an ellipsis.</summary>
    internal const int MaxQuestionLength = 1000;

    private const string NoOrganisation = "-";

    public async Task SaveAsync(GuidanceFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(GuidanceFeedbackEntity.From(feedback, Partition(feedback.OrganisationId)), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<GuidanceFeedback>> ListRecentNegativeAsync(string organisationId, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisationId);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var partition = Partition(organisationId);
        var result = new List<GuidanceFeedback>();
        if (max <= 0)
        {
            return result;
        }

        await foreach (var entity in table.QueryAsync<GuidanceFeedbackEntity>(
            e => e.PartitionKey == partition && e.Helpful == false, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            result.Add(entity.ToFeedback());
            if (result.Count == max)
            {
                break;
            }
        }

        return result;
    }

    private static string Partition(string organisationId) =>
        TableKeys.From(string.IsNullOrWhiteSpace(organisationId) ? NoOrganisation : organisationId);
}

/// <summary>One press of "Fick du svar?", every field an explicit property; no identity.</summary>
internal sealed class GuidanceFeedbackEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string OrganisationId { get; set; } = "";

    public string CardId { get; set; } = "";

    public string Question { get; set; } = "";

    public string AnswerId { get; set; } = "";

    public bool Helpful { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }

    public DateTimeOffset At { get; set; }

    public static GuidanceFeedbackEntity From(GuidanceFeedback f, string partitionKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = TableKeys.Validate($"{TableKeys.InvertedTicks(f.AnsweredAt)}{TableKeys.Separator}{TableKeys.Encode(f.CardId)}"),
        OrganisationId = f.OrganisationId,
        CardId = f.CardId,
        Question = f.Question.Length > TableGuidanceFeedbackStore.MaxQuestionLength
            ? string.Concat(f.Question.AsSpan(0, TableGuidanceFeedbackStore.MaxQuestionLength - 1), "…")
            : f.Question,
        AnswerId = f.AnswerId,
        Helpful = f.Helpful,
        AnsweredAt = f.AnsweredAt,
        At = f.At,
    };

    public GuidanceFeedback ToFeedback() => new(OrganisationId, CardId, Question, AnswerId, Helpful, AnsweredAt, At);
}
