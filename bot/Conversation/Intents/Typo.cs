namespace Trygg.Conversation.Intents;

/// <summary>Typo tolerance: at most one insertion, deletion, substitution or swap of neighbours (Damerau-Levenshtein).</summary>
internal static class Typo
{
    /// <summary>
    /// Distance at most one, in one pass and without allocating: this runs for every token against every fuzzy cue,
    /// so a long message must not cost a distance matrix per pair (it did: most of a turn's CPU went there).
    /// </summary>
    public static bool WithinOne(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var shorter = a.Length <= b.Length ? a.AsSpan() : b.AsSpan();
        var longer = a.Length <= b.Length ? b.AsSpan() : a.AsSpan();
        var i = shorter.CommonPrefixLength(longer);
        if (i == longer.Length)
        {
            return true; // equal
        }

        if (shorter.Length != longer.Length)
        {
            return longer[(i + 1)..].SequenceEqual(shorter[i..]); // one insertion or deletion
        }

        return shorter[(i + 1)..].SequenceEqual(longer[(i + 1)..]) // one substitution
            || (i + 1 < shorter.Length && shorter[i] == longer[i + 1] && shorter[i + 1] == longer[i]
                && shorter[(i + 2)..].SequenceEqual(longer[(i + 2)..])); // neighbours swapped
    }

    /// <summary>Optimal string alignment distance.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[a.Length, b.Length];
    }
}
