using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace Trygg.Teams.Connector;

public static class ConnectorSetup
{
    /// <summary>
    /// The outbound Bot Connector client (<see cref="IConnectorClient"/>), its tokens, the service URL trust list and the
    /// connector resilience pipeline. Expects <see cref="BotOptions"/> to be bound elsewhere.
    /// </summary>
    public static IHostApplicationBuilder AddConnector(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<ConnectorOptions>()
            .BindConfiguration(ConnectorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();


        // Polly governs timeouts per attempt; redirects are refused so the bearer token never follows one.
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });

        // One registry shared by every feature's named pipelines.
        services.TryAddSingleton(_ => new ResiliencePipelineRegistry<string>());
        services.TryAddSingleton<ResiliencePipelineProvider<string>>(sp => sp.GetRequiredService<ResiliencePipelineRegistry<string>>());
        services.AddSingleton<ConnectorResilience>();

        services.AddSingleton<IConnectorTokenProvider>(sp =>
        {
            var bot = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            return new ConnectorTokenProvider(ConnectorTokenProvider.CreateCredential(bot), bot.ConnectorScope, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IServiceUrlTrust, ServiceUrlTrust>();
        services.AddSingleton<IConnectorClient, ConnectorClient>();
        return builder;
    }
}
