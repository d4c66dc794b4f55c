using Trygg.Organisations;

namespace Trygg.Cases.Messages;

/// <summary>
/// Who hears the member's answer in person, in order: the staff member who wrote last, whoever holds the case (the
/// assignee, then whoever acknowledged it), then the people on call and the head of security, the people escalation
/// already reaches. The order is kept whole, with people who have since lost access still in it, so a row's position in it
/// (<see cref="Outbox.OutboxEntity.Round"/>) means the same on every attempt; only someone who is security staff when the
/// answer goes out is picked, because the answer is report content. Past the last person, the security channel is told
/// that an answer came, without its text.
/// </summary>
internal static class AnswerRecipients
{
    public static IReadOnlyList<string> Order(Case @case, Organisation organisation, string? writer)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(organisation);
        var routing = organisation.Routing;
        IEnumerable<string?> people =
        [
            writer,
            @case.File.Assignee?.AadObjectId,
            @case.File.AcknowledgedBy?.AadObjectId,
            .. routing.OnCall.People.Select(p => p.AadObjectId),
            .. routing.HeadsOfSecurity.Select(p => p.AadObjectId),
        ];
        return [.. people.OfType<string>().Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// The first person from <paramref name="from"/> on who may read the case now, with their position; null (and the
    /// position past the end) when nobody is left and the channel is to be told instead.
    /// </summary>
    public static (string? Person, int Position) Pick(IReadOnlyList<string> order, Organisation organisation, int from)
    {
        ArgumentNullException.ThrowIfNull(order);
        for (var i = Math.Max(0, from); i < order.Count; i++)
        {
            if (Staff.IsSecurityStaff(organisation, order[i]))
            {
                return (order[i], i);
            }
        }

        return (null, Math.Max(order.Count, from));
    }

    /// <summary>The staff member who wrote the message <paramref name="answer"/> answers: the last one before it.</summary>
    public static string? WriterOf(IReadOnlyList<CaseMessage> thread, CaseMessage answer)
    {
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(answer);
        return thread.LastOrDefault(m => m.Direction == MessageDirection.ToMember && m.At <= answer.At)?.StaffAadObjectId;
    }
}
