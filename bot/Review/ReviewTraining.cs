using System.Globalization;
using Trygg.Training;

namespace Trygg.Review;

/// <summary>
/// Turns the members in scope of each training cycle into the review's completion figures: in scope, done (by the
/// member or registered by the unit), not done and the share done, in total, by party and by role. Every count goes
/// through the same suppression as the incident figures, across all the sums a reader could combine.
/// </summary>
public static class ReviewTraining
{
    private static readonly StringComparer PartyOrder = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    public static TrainingCompletion Aggregate(IEnumerable<TrainingCycleFacts> cycles)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        return new TrainingCompletion([.. cycles.Select(Cycle)]);
    }

    private static TrainingCycle Cycle(TrainingCycleFacts facts)
    {
        var table = new CellSuppression();
        var members = facts.Members;
        var total = Group(table, "total", members);
        var self = table.Cell(members.Count(m => m.Done == CompletionSource.SelfReported));
        var registered = table.Cell(members.Count(m => m.Done == CompletionSource.RegisteredByUnit));
        table.Sum(total.Done, [self, registered]);

        var byParty = members.GroupBy(m => m.Party, StringComparer.Ordinal).OrderBy(g => g.Key, PartyOrder)
            .Select(g => Group(table, g.Key, [.. g])).ToList();
        var byRole = members.GroupBy(m => m.Role).OrderBy(g => g.Key)
            .Select(g => Group(table, g.Key.ToString(), [.. g])).ToList();
        foreach (var groups in new[] { byParty, byRole })
        {
            table.Sum(total.InScope, groups.Select(g => g.InScope));
            table.Sum(total.Done, groups.Select(g => g.Done));
            table.Sum(total.NotDone, groups.Select(g => g.NotDone));
        }

        table.Resolve();
        return new TrainingCycle(
            facts.CampaignId,
            facts.CampaignName,
            facts.CycleKey,
            facts.Starts,
            facts.Ends,
            total.Shown(table),
            table.Shown("selfReported", self),
            table.Shown("registeredByUnit", registered),
            [.. byParty.Select(g => g.Shown(table))],
            [.. byRole.Select(g => g.Shown(table))]);
    }

    private static Cells Group(CellSuppression table, string key, IReadOnlyList<TrainingMemberFact> members)
    {
        var cells = new Cells(
            key,
            table.Cell(members.Count),
            table.Cell(members.Count(m => m.Done is not null)),
            table.Cell(members.Count(m => m.Done is null)));
        table.Sum(cells.InScope, [cells.Done, cells.NotDone]);
        return cells;
    }

    private sealed record Cells(string Key, int InScope, int Done, int NotDone)
    {
        public TrainingGroup Shown(CellSuppression table) =>
            new(Key, table.Shown("inScope", InScope), table.Shown("done", Done), table.Shown("notDone", NotDone));
    }
}
