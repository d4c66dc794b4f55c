using Trygg.Teams.Auth;
using Trygg.Teams.Connector;

namespace Trygg.Teams;

public static class TeamsSetup
{
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Binds and validates the Bot section (once: a second binding appends every list item again).
        builder.AddInboundAuthentication();
        builder.AddConnector();
        builder.Services.AddSingleton<ActivityProcessor>();
        builder.Services.AddTeamsMemberLookup();
        return builder;
    }

    public static WebApplication MapTeams(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(MessagesEndpoint.Route, MessagesEndpoint.HandleAsync);
        app.MapGet(DocumentsEndpoint.Route, DocumentsEndpoint.HandleAsync);
        return app;
    }
}
