using Trygg.Teams.Auth;
using Trygg.Conversation.Proactive;
using Trygg.Teams.Connector;
using Trygg.Teams.Proactive;
using Trygg.Outbox;

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
        builder.Services.AddSingleton<TeamsProactiveMessenger>();
        builder.Services.AddSingleton<IProactiveMessenger>(sp => sp.GetRequiredService<TeamsProactiveMessenger>());
        builder.Services.AddSingleton<IFileOffers>(sp => sp.GetRequiredService<TeamsProactiveMessenger>());
        builder.Services.AddSingleton<PrivateFileSender>();
        builder.Services.AddSingleton<Files.FileConsent>();
        builder.Services.AddHttpClient(Files.FileConsent.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(60));

        // Sent files: a redirect is not followed, so the bot's token on a pasted image's request never leaves Teams.
        builder.Services.AddSingleton<Conversation.Turns.ISentFileReader, Files.TeamsSentFileReader>();
        builder.Services.AddHttpClient(Files.TeamsSentFileReader.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
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
