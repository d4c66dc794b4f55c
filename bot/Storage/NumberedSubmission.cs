using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Storage;

/// <summary>
/// Rows the submitter commits in the same entity-group transaction as a new item (a case's file and outbox rows:
/// "notify the security unit about this case"), so the item and its follow-up exist together or not at all. Called once
/// per attempt, with the item that attempt would store; every row must be in <paramref name="partitionKey"/> and is
/// inserted, never overwritten. Not called when the submit turns out to be a duplicate.
/// </summary>
internal delegate IEnumerable<ITableEntity> ExtraRows<in T>(T item, string partitionKey);

/// <summary>What one attempt stores for number <c>n</c>: its reference (case number), the item and the item's own rows.</summary>
internal sealed record NumberedItem<T>(string Reference, T Item, IReadOnlyList<ITableEntity> Rows);

/// <summary>Where a numbered submit lives and how to build and read its item; see <see cref="NumberedSubmission"/>.</summary>
internal sealed record NumberedSubmit<T>(
    TableClient Table,
    string PartitionKey,
    string CounterRowKey,
    string SubmissionRowKey,
    Func<int, NumberedItem<T>> Build,
    Func<string, CancellationToken, Task<T?>> ReadAsync,
    ExtraRows<T>? ExtraRows,
    string What)
    where T : class;

/// <summary>
/// Stores an item exactly once per submission id with a gap-free number from a per-partition counter, all in ONE
/// entity-group transaction: counter (with its ETag, or inserted), submission marker, the item's rows, extra rows.
/// A lost race (412: the counter moved; 409: a row is already there) re-reads: if our submission id is now taken,
/// the first item is returned; otherwise we number again. A number is only ever used by a committed transaction,
/// so numbers are never skipped nor reused. A transaction that committed but whose answer was lost (the SDK retries
/// it and gets 409) ends the same way: the re-read finds the submission and returns the item, as not created.
/// </summary>
internal static class NumberedSubmission
{
    /// <summary>
    /// One writer wins each round, so a burst of N submits in one organisation needs up to N rounds for the last
    /// one; the jitter spreads them. Real organisations see a handful of reports a day.
    /// </summary>
    internal const int MaxAttempts = 30;

    /// <summary>The service's limit on actions in one entity-group transaction.</summary>
    internal const int MaxTransactionActions = 100;

    public static async Task<(T Item, bool Created)> SubmitAsync<T>(NumberedSubmit<T> submit, TimeProvider time, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(submit);
        var table = submit.Table;
        string? extraRowConflict = null;

        var result = await table.ChangeBatchAsync(
            async ct =>
            {
                var submissionRead = table.GetEntityIfExistsAsync<SubmissionEntity>(submit.PartitionKey, submit.SubmissionRowKey, cancellationToken: ct);
                var counterRead = table.GetEntityIfExistsAsync<SequenceCounterEntity>(submit.PartitionKey, submit.CounterRowKey, cancellationToken: ct);
                await Task.WhenAll(submissionRead, counterRead);

                var submission = await submissionRead;
                if (submission.HasValue && submission.Value is { } existing)
                {
                    var item = await submit.ReadAsync(existing.Reference, ct)
                        ?? throw new InvalidOperationException(
                            $"Submission row {submit.SubmissionRowKey} points at {submit.What} {existing.Reference}, which does not exist.");
                    return new BatchChange<Submitted<T>>(new Submitted<T>(item, Created: false), []);
                }

                if (extraRowConflict is not null)
                {
                    throw new InvalidOperationException(
                        $"An extra row of the {submit.What} transaction already exists ({extraRowConflict}); extra rows are inserted, never overwritten.");
                }

                var counter = await counterRead;
                var current = counter.HasValue ? counter.Value : null;
                var number = checked((current?.Last ?? 0) + 1);
                var built = submit.Build(number);
                var (actions, ownRows) = Actions(submit, built, current, number);
                return new BatchChange<Submitted<T>>(
                    new Submitted<T>(built.Item, Created: true),
                    actions,
                    e =>
                    {
                        // An extra row that exists is the caller's bug, unless our own duplicate committed it: re-read first.
                        if (e.FailedTransactionActionIndex is { } index && index >= ownRows && index < actions.Count)
                        {
                            extraRowConflict = actions[index].Entity.RowKey;
                        }

                        return null;
                    });
            },
            time,
            $"Numbering a {submit.What}",
            cancellationToken,
            MaxAttempts);
        return (result!.Item, result.Created);
    }

    private static (List<TableTransactionAction> Actions, int OwnRows) Actions<T>(
        NumberedSubmit<T> submit, NumberedItem<T> built, SequenceCounterEntity? current, int number)
        where T : class
    {
        var counter = new SequenceCounterEntity { PartitionKey = submit.PartitionKey, RowKey = submit.CounterRowKey, Last = number };
        var actions = new List<TableTransactionAction>
        {
            current is null
                ? new TableTransactionAction(TableTransactionActionType.Add, counter)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, current.ETag),
            new(TableTransactionActionType.Add, new SubmissionEntity
            {
                PartitionKey = submit.PartitionKey,
                RowKey = submit.SubmissionRowKey,
                Reference = built.Reference,
            }),
        };
        actions.AddRange(built.Rows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        var ownRows = actions.Count;

        foreach (var row in submit.ExtraRows?.Invoke(built.Item, submit.PartitionKey) ?? [])
        {
            ArgumentNullException.ThrowIfNull(row);
            if (!string.Equals(row.PartitionKey, submit.PartitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"An extra row must be in the {submit.What}'s partition (one transaction); row {row.RowKey} is in another.", nameof(submit));
            }

            TableKeys.Validate(row.RowKey);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
        }

        if (actions.Count > MaxTransactionActions)
        {
            throw new ArgumentException(
                $"A {submit.What} transaction holds at most {MaxTransactionActions} rows; this one has {actions.Count}.", nameof(submit));
        }

        return (actions, ownRows);
    }
}

/// <summary>The item a submit stored or found, and whether this submit stored it.</summary>
internal sealed record Submitted<T>(T Item, bool Created);
