namespace Trygg.Outbox;

/// <summary>
/// A feature's table that holds outbox rows of <paramref name="Kinds"/> next to the feature's own data (RowKey
/// <c>outbox|...</c>, in the partition of what they are about), so that a change and the messages it causes are written in
/// one transaction. Registered by the feature (<see cref="OutboxSetup.AddOutboxTable"/>); rows of kinds no feature
/// table names live in the outbox's own table (<see cref="TableOutboxStore.RemindersTable"/>).
/// </summary>
/// <param name="Name">The table's name.</param>
/// <param name="Order">Due rows are read from the tables in this order (a threat must not wait behind a mandate period's reminders).</param>
/// <param name="Kinds">The kinds of row the table holds.</param>
internal sealed record OutboxTable(string Name, int Order, IReadOnlyList<OutboxKind> Kinds);
