using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Guidance;

/// <summary>
/// <see cref="IGuidanceFeedbackStore"/> on the <c>guidancefeedback</c> table: one partition per tenant and
/// organisation. A press's RowKey is newest first (inverted ticks of the answer time) and the card id, so listing the
/// latest is a prefix scan and a changed mind is an upsert of the same row. A given answer's RowKey is
/// <c>answer|{card}</c>, which sorts after every press (digits sort before letters), so listing never meets one.
/// </summary>
/// <remarks>
/// Both kinds of row carry <c>OrganisationId</c> and <c>AnsweredAt</c>, so the retention job deletes old answers the same
/// way as old presses.
/// </remarks>
internal sealed class TableGuidanceFeedbackStore(ITables tables) : IGuidanceFeedbackStore
{
    internal const string TableName = "guidancefeedback";

    /// <summary>Member text is capped; a question longer than this is stored cut, with an ellipsis.</summary>
    internal const int MaxQuestionLength = 1000;

    private const string NoOrganisation = "-";
    private const string AnswerPrefix = "answer";

    public async Task SaveAnswerAsync(GivenAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = new GivenAnswerEntity
        {
            PartitionKey = Partition(answer.TenantId, answer.OrganisationId),
            RowKey = AnswerRow(answer.CardId),
            TenantId = answer.TenantId,
            OrganisationId = answer.OrganisationId,
            CardId = answer.CardId,
            Question = Cap(answer.Question),
            PassageIds = string.Join(',', answer.PassageIds),
            AnsweredAt = answer.AnsweredAt,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<GivenAnswer?> GetAnswerAsync(string tenantId, string organisationId, string cardId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cardId);
        if (cardId.Length is 0 or > 64)
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var read = await table.GetEntityIfExistsAsync<GivenAnswerEntity>(Partition(tenantId, organisationId), AnswerRow(cardId), cancellationToken: cancellationToken);
        return read.HasValue && read.Value is { } e
            ? new GivenAnswer(e.TenantId, e.OrganisationId, e.CardId, e.Question, e.PassageIds.Split(',', StringSplitOptions.RemoveEmptyEntries), e.AnsweredAt)
            : null;
    }

    public async Task SaveAsync(GuidanceFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(GuidanceFeedbackEntity.From(feedback, Partition(feedback.TenantId, feedback.OrganisationId)), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<GuidanceFeedback>> ListRecentNegativeAsync(string tenantId, string organisationId, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisationId);
        var result = new List<GuidanceFeedback>();
        if (max <= 0)
        {
            return result;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tenantId, organisationId)} and RowKey lt {AnswerPrefix} and Helpful eq {false}");
        await foreach (var entity in table.QueryAsync<GuidanceFeedbackEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            result.Add(entity.ToFeedback());
            if (result.Count == max)
            {
                break;
            }
        }

        return result;
    }

    internal static string Cap(string question) => question.Length > MaxQuestionLength
        ? string.Concat(question.AsSpan(0, MaxQuestionLength - 1), "…")
        : question;

    private static string AnswerRow(string cardId) => TableKeys.Compose(AnswerPrefix, cardId);

    private static string Partition(string tenantId, string organisationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return TableKeys.Compose(tenantId, string.IsNullOrWhiteSpace(organisationId) ? NoOrganisation : organisationId);
    }

    /// <summary>An answer as given; the property names the retention job reads are the same as a press's.</summary>
    private sealed class GivenAnswerEntity : TableRow
    {
        public string TenantId { get; set; } = "";

        public string OrganisationId { get; set; } = "";

        public string CardId { get; set; } = "";

        public string Question { get; set; } = "";

        public string PassageIds { get; set; } = "";

        public DateTimeOffset AnsweredAt { get; set; }
    }
}

/// <summary>One press of "Fick du svar?", every field an explicit property; no identity.</summary>
internal sealed class GuidanceFeedbackEntity : TableRow
{
    public string TenantId { get; set; } = "";

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
        TenantId = f.TenantId,
        OrganisationId = f.OrganisationId,
        CardId = f.CardId,
        Question = TableGuidanceFeedbackStore.Cap(f.Question),
        AnswerId = f.AnswerId,
        Helpful = f.Helpful,
        AnsweredAt = f.AnsweredAt,
        At = f.At,
    };

    public GuidanceFeedback ToFeedback() => new(TenantId, OrganisationId, CardId, Question, AnswerId, Helpful, AnsweredAt, At);
}
