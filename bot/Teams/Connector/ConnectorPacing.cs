namespace Trygg.Teams.Connector;

/// <summary>
/// Marks connector calls made inside <see cref="Paced"/> as paced by the caller. The connector client then leaves a 429
/// to the caller instead of retrying it after Retry-After on its own: a retry the pacer does not book is one call more
/// in the window than the pacer counted, which is how pacing close to Teams' limit turned into more throttling.
/// </summary>
internal static class ConnectorPacing
{
    private static readonly AsyncLocal<bool> Flag = new();

    public static bool IsPaced => Flag.Value;

    /// <summary>Runs <paramref name="call"/> with its connector calls marked as paced.</summary>
    public static async Task<T> Paced<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var was = Flag.Value;
        Flag.Value = true;
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            Flag.Value = was;
        }
    }
}
