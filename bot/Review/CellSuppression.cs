namespace Trygg.Review;

/// <summary>
/// Small-count suppression for a table whose cells are tied by sums (a row's parts add up to its total, a column's
/// groups to the column's total). Counts of 1 and 2 are hidden ("&lt;3"); then, for as long as any sum has exactly one
/// hidden cell (which the others would give away by subtraction), its smallest shown non-zero cell is hidden too ("–").
/// The same rule as the incident breakdowns, applied across every sum a reader could use.
/// </summary>
internal sealed class CellSuppression
{
    private readonly List<int> _counts = [];
    private readonly List<Hidden> _hidden = [];
    private readonly List<int[]> _sums = [];

    /// <summary>Adds a cell; returns its handle.</summary>
    public int Cell(int count)
    {
        _counts.Add(count);
        _hidden.Add(count is > 0 and < ReviewAggregator.MinimumShown ? Hidden.SmallCount : Hidden.No);
        return _counts.Count - 1;
    }

    /// <summary>States that the <paramref name="parts"/> add up to <paramref name="total"/>.</summary>
    public void Sum(int total, IEnumerable<int> parts) => _sums.Add([total, .. parts]);

    /// <summary>Hides complementary cells until no sum gives a hidden cell away.</summary>
    public void Resolve()
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var sum in _sums)
            {
                if (sum.Count(c => _hidden[c] != Hidden.No) != 1)
                {
                    continue;
                }

                var partner = sum.Where(c => _hidden[c] == Hidden.No && _counts[c] > 0).OrderBy(c => _counts[c]).ThenBy(c => c).Cast<int?>().FirstOrDefault();
                if (partner is { } cell)
                {
                    _hidden[cell] = Hidden.Complementary;
                    changed = true;
                }
            }
        }
    }

    public ShownCount Shown(string key, int cell) => new(key, _counts[cell], _hidden[cell]);
}
