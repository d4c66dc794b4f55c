using Trygg.Members;
using Trygg.Teams.Connector;
using Trygg.Conversation.References;

namespace Trygg.Teams;

/// <summary>
/// <see cref="IMemberIdentityLookup"/> through the Bot Connector roster API: the member's name and e-mail as Teams
/// (Entra) knows them, from the conversation the member is writing in. Best effort: when Teams will not say, the
/// caller falls back to the name on the activity, so a lookup failure never blocks the member.
/// </summary>
internal sealed partial class TeamsMemberIdentityLookup(
    IConversationReferenceStore references,
    IConnectorClient connector,
    ILogger<TeamsMemberIdentityLookup> logger) : IMemberIdentityLookup
{
    public async Task<MemberIdentity?> FindAsync(string tenantId, string conversationId, string userId, CancellationToken cancellationToken)
    {
        var reference = await references.GetAsync(tenantId, conversationId, cancellationToken);
        if (reference is null)
        {
            LogNoReference();
            return null;
        }

        try
        {
            var member = await connector.GetMemberAsync(reference.ServiceUrl, conversationId, userId, cancellationToken);
            if (member is null)
            {
                LogNotFound();
                return null;
            }

            var name = FirstNonBlank(member.Name, $"{member.GivenName} {member.Surname}".Trim());
            return name is null ? null : new MemberIdentity(name, FirstNonBlank(member.Email, member.UserPrincipalName));
        }
        catch (ConnectorException e)
        {
            LogConnectorFailed(e.StatusCode, e.ErrorCode);
            return null;
        }
        catch (UntrustedServiceUrlException)
        {
            LogUntrustedServiceUrl();
            return null;
        }
    }

    private static string? FirstNonBlank(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    // No ids, names or addresses in these lines: they identify the member.
    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Member lookup skipped: no conversation reference for the conversation")]
    private partial void LogNoReference();

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Member lookup: Teams does not know the member in this conversation")]
    private partial void LogNotFound();

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Member lookup failed with {StatusCode} {ErrorCode}")]
    private partial void LogConnectorFailed(int statusCode, string? errorCode);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Member lookup refused: the conversation's service URL is not trusted")]
    private partial void LogUntrustedServiceUrl();
}

public static class TeamsMemberLookupSetup
{
    /// <summary>Members' names and e-mail from Teams. Needs the connector (AddTeams) and the reference store (AddStorage).</summary>
    public static IServiceCollection AddTeamsMemberLookup(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IMemberIdentityLookup, TeamsMemberIdentityLookup>();
        return services;
    }
}
