using Trygg.Teams.Auth;
using Trygg.Conversation.Proactive;
using Trygg.Teams.Connector;
using Trygg.Teams.Proactive;

namespace Trygg.Teams;

public static class TeamsSetup
{
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddInboundAuthentication();
        builder.AddConnector();
        builder.Services.AddSingleton<ActivityProcessor>();
        builder.Services.AddTeamsMemberLookup();
        builder.Services.AddSingleton<IProactiveMessenger, TeamsProactiveMessenger>();
        return builder;
    }

    public static WebApplication MapTeams(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(MessagesEndpoint.Route, MessagesEndpoint.HandleAsync);
        return app;
    }
}
