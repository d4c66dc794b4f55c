namespace Trygg.Organisations;

/// <summary>What kind of elected member someone is; routing and reminders differ by it.</summary>
public enum MemberRole
{
    /// <summary>Kommunalråd or other särskilt arvoderad (full-time or at least 40 %).</summary>
    SarskiltArvoderad,

    /// <summary>Leisure politician.</summary>
    Fritidspolitiker,
}
