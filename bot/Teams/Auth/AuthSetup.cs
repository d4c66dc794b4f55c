using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Trygg.Teams.Auth;

public static class AuthSetup
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Registers <see cref="IInboundAuthenticator"/> (and what it needs) as singletons, and validates the <c>Bot</c>
    /// section at start. Metadata caches live as long as the app, so keys are fetched once and refreshed in place.
    /// </summary>
    public static IHostApplicationBuilder AddInboundAuthentication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());

        services.AddHttpClient(InboundMetadata.HttpClientName, client => client.Timeout = MetadataTimeout);

        services.TryAddSingleton<ILoopbackBinding, ServerLoopbackBinding>();
        services.TryAddSingleton<InboundMetadata>();
        services.TryAddSingleton<IInboundAuthenticator, InboundAuthenticator>();

        return builder;
    }
}
