using Microsoft.Extensions.DependencyInjection.Extensions;
using Trygg.Conversation.Turns;
using Trygg.Members.Directory;
using Trygg.Members.Profile;

namespace Trygg.Members;

public static class MembersSetup
{
    /// <summary>
    /// Member profiles: the <c>members</c> table, <see cref="IMemberProfiles"/> for other features and the profile card's
    /// verbs. Needs storage (AddStorage), cards (AddCards), the organisations (AddOrganisations) and an
    /// <see cref="IMemberIdentityLookup"/> (the Teams one: <c>AddTeamsMemberLookup</c>).
    /// </summary>
    public static IHostApplicationBuilder AddMembers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IMemberProfileStore, TableMemberProfileStore>();
        services.AddSingleton<IMemberProfiles, MemberProfiles>();
        services.AddSingleton<ICardActionHandler, ProfileActions>();
        services.TryAddSingleton<IDirectory, UnconfiguredDirectory>();
        services.AddSingleton<Outbox.IAppInstaller, DirectoryAppInstaller>();
        return builder;
    }
}
