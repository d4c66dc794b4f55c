namespace Trygg.Teams;

public static class TeamsSetup
{
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder) => builder;

    public static WebApplication MapTeams(this WebApplication app) => app;
}
