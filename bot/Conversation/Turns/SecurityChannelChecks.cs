using Trygg.Organisations;

namespace Trygg.Conversation.Turns;

/// <summary>Whether a turn was written in an organisation's registered security channel, and by whom.</summary>
public static class SecurityChannelChecks
{
    /// <summary>True when <paramref name="turn"/> was written in <paramref name="organisationId"/>'s registered security channel (same tenant, team and channel).</summary>
    public static async Task<bool> IsSecurityChannelAsync(this ISecurityChannelStore channels, Turn turn, string organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Scope != ConversationScope.Channel || string.IsNullOrEmpty(turn.ChannelId) || string.IsNullOrEmpty(turn.TenantId))
        {
            return false;
        }

        var registered = await channels.GetAsync(turn.TenantId, organisationId, cancellationToken);
        return registered is not null
            && string.Equals(registered.ChannelId, turn.ChannelId, StringComparison.Ordinal)
            && string.Equals(registered.TeamId, turn.TeamId, StringComparison.Ordinal);
    }

    /// <summary>
    /// The organisation whose registered security channel <paramref name="turn"/> was written in, when the sender is one
    /// of its administrators (<see cref="Staff.IsAdministrator"/>); null anywhere else or for anyone else.
    /// </summary>
    public static async Task<Organisation?> AdministeredOrganisationAsync(
        this ISecurityChannelStore channels, IOrganisationDirectory organisations, Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(turn);
        foreach (var organisation in organisations.All.Where(o => Staff.IsAdministrator(o, turn.User.AadObjectId)))
        {
            if (await channels.IsSecurityChannelAsync(turn, organisation.Id, cancellationToken))
            {
                return organisation;
            }
        }

        return null;
    }
}
