using Trygg.Conversation.Turns;

namespace Trygg.Members;

/// <summary>What other features need of the member profile: who is this member, and what do we know about them.</summary>
public interface IMemberProfiles
{
    /// <summary>The member behind a turn: their Entra object id (a turn without one never reaches a feature).</summary>
    MemberKey KeyOf(Turn turn);

    /// <summary>The member's profile, or null when they have not filled it in yet (show <see cref="Profile.ProfileVerbs.Show"/>).</summary>
    Task<MemberProfile?> GetAsync(Turn turn, CancellationToken cancellationToken);
}

internal sealed class MemberProfiles(IMemberProfileStore store) : IMemberProfiles
{
    public MemberKey KeyOf(Turn turn) => Of(turn);

    public Task<MemberProfile?> GetAsync(Turn turn, CancellationToken cancellationToken) => store.GetAsync(Of(turn), cancellationToken);

    internal static MemberKey Of(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new MemberKey(turn.TenantId, turn.MemberId);
    }
}
