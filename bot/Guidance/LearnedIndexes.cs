using System.Collections.Immutable;

namespace Trygg.Guidance;

/// <summary>
/// The index each organisation's members are answered from: the corpus' own, or a build with the questions that
/// organisation's administrators approved (<see cref="GuidanceIndex.WithLearned"/>). <see cref="GuidanceSearch"/>
/// takes a <see cref="Lease"/> for each search, so a build swapped in (<see cref="Swap"/>) serves the next search
/// at once, and the build it replaced is disposed only when the last search holding it has finished.
/// The corpus' own index is not this holder's to dispose.
/// </summary>
public sealed class LearnedIndexes(GuidanceIndex corpus) : IDisposable
{
    private ImmutableDictionary<string, Held> _held = ImmutableDictionary.Create<string, Held>(StringComparer.Ordinal);

    public GuidanceIndex Corpus { get; } = corpus;

    /// <summary>The organisations that have a learned build now.</summary>
    public IReadOnlyCollection<string> Organisations => [.. _held.Keys];

    /// <summary>The organisation's index for one search; dispose the lease when the search is done.</summary>
    public Lease Acquire(string? organisationId)
    {
        while (true)
        {
            if (string.IsNullOrEmpty(organisationId) || !_held.TryGetValue(organisationId, out var held))
            {
                return new Lease(Corpus, null);
            }

            if (held.TryAcquire())
            {
                return new Lease(held.Index, held);
            }

            // Swapped out (and its last search gone) between reading the map and acquiring: read the map again.
        }
    }

    /// <summary>
    /// Makes <paramref name="next"/> the organisation's index (null: back to the corpus' own) in one atomic step; the
    /// build it replaces is disposed once no search holds it. The holder owns <paramref name="next"/> from now on.
    /// </summary>
    public void Swap(string organisationId, GuidanceIndex? next)
    {
        ArgumentException.ThrowIfNullOrEmpty(organisationId);
        var held = next is null ? null : new Held(next);
        Held? replaced = null;
        ImmutableInterlocked.Update(ref _held, map =>
        {
            replaced = map.GetValueOrDefault(organisationId);
            return held is null ? map.Remove(organisationId) : map.SetItem(organisationId, held);
        });
        replaced?.Release();
    }

    public void Dispose()
    {
        foreach (var held in Interlocked.Exchange(ref _held, _held.Clear()).Values)
        {
            held.Release();
        }
    }

    /// <summary>One search's hold on an index; disposing it lets a swapped-out build go.</summary>
    public sealed class Lease : IDisposable
    {
        private Held? _held;

        internal Lease(GuidanceIndex index, Held? held)
        {
            Index = index;
            _held = held;
        }

        public GuidanceIndex Index { get; }

        public void Dispose() => Interlocked.Exchange(ref _held, null)?.Release();
    }

    /// <summary>A learned build and how many hold it: the holder's map (one) and each search in progress.</summary>
    internal sealed class Held(GuidanceIndex index)
    {
        private int _holders = 1;

        public GuidanceIndex Index { get; } = index;

        /// <summary>False once the build is disposed (or about to be): it was swapped out and every search let go.</summary>
        public bool TryAcquire()
        {
            var holders = Volatile.Read(ref _holders);
            while (holders > 0)
            {
                var seen = Interlocked.CompareExchange(ref _holders, holders + 1, holders);
                if (seen == holders)
                {
                    return true;
                }

                holders = seen;
            }

            return false;
        }

        public void Release()
        {
            if (Interlocked.Decrement(ref _holders) == 0)
            {
                Index.Dispose();
            }
        }
    }
}
