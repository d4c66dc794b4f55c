using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Trygg.Organisations.Calendar;
using Trygg.Organisations.Roles;
using Trygg.Organisations.Sources;

namespace Trygg.Organisations;

public static class OrganisationsSetup
{
    /// <summary>
    /// The organisation profiles (<see cref="IOrganisationDirectory"/>) from <see cref="OrganisationsOptions.Source"/>: the
    /// folder <see cref="OrganisationsOptions.Path"/> or the table operators upload to, read again on every role refresh.
    /// A missing folder, an unreadable table or a profile with a bad field stops start-up with the setting, profile and
    /// field named; on a refresh a bad new version is refused and the last valid one stays.
    /// Features that own a part of a profile register an <see cref="IProfileSection"/> (a field none claims is refused).
    /// Roles a profile names by Entra group are filled in from <see cref="IGroupMembers"/> (<see cref="RoleSnapshot"/>):
    /// Graph when configured (AddGraphDirectory), the directory file in Development.
    /// Also the office calendar (<see cref="IOfficeCalendar"/>).
    /// </summary>
    public static IHostApplicationBuilder AddOrganisations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OrganisationsOptions>()
            .BindConfiguration(OrganisationsOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrganisationsOptions>, OrganisationsOptionsValidator>());
        services.AddSingleton<TableProfileSource>();
        services.AddSingleton<IProfileSource>(sp =>
            sp.GetRequiredService<IOptions<OrganisationsOptions>>().Value is { Source: ProfileSourceKind.Table }
                ? sp.GetRequiredService<TableProfileSource>()
                : new FolderProfileSource(sp.GetRequiredService<IOptions<OrganisationsOptions>>().Value.ResolvedPath));
        services.AddSingleton<ProfileReader>();
        services.AddSingleton(sp => sp.GetRequiredService<ProfileReader>().Load());
        services.AddHostedService<OrganisationsStartupCheck>();
        services.AddSingleton<RoleSnapshot>();
        services.AddSingleton<IOrganisationDirectory>(sp => sp.GetRequiredService<RoleSnapshot>());
        services.AddHostedService(sp => sp.GetRequiredService<RoleSnapshot>());
        services.AddHealthChecks().AddCheck<RoleHealthCheck>("roles", tags: ["ready"]);
        if (builder.Environment.IsDevelopment())
        {
            services.TryAddSingleton<IGroupMembers>(sp =>
            {
                var path = Path.GetFullPath(sp.GetRequiredService<IOptions<OrganisationsOptions>>().Value.DirectoryFile, AppContext.BaseDirectory);
                return File.Exists(path) ? new DirectoryFile(path) : new NoGroupMembers();
            });
        }

        services.TryAddSingleton<IGroupMembers, NoGroupMembers>();
        services.TryAddSingleton<IOfficeCalendar, OfficeCalendar>();
        return builder;
    }
}

/// <summary>Reads the profiles while the host starts, so a broken file stops the bot there and not at a member's first report.</summary>
internal sealed class OrganisationsStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<OrganisationDirectory>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
