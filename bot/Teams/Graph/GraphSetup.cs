using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Trygg.Members.Directory;
using Trygg.Organisations.Roles;
using MsGraphClientFactory = Microsoft.Graph.GraphClientFactory;

namespace Trygg.Teams.Graph;

public static class GraphSetup
{
    /// <summary>Service key of an optional <see cref="TokenCredential"/> for Graph; tests register one, production builds it from the options.</summary>
    public const string CredentialKey = "graph";

    /// <summary>
    /// The directory over Microsoft Graph, when a <c>Graph</c> section is configured. AddMembers registers the
    /// <see cref="UnconfiguredDirectory"/> only when no directory is registered yet (TryAdd), and the last registration is
    /// the one resolved, so Graph serves in either order without removing what Members registered. Without the section
    /// nothing changes.
    /// </summary>
    public static IHostApplicationBuilder AddGraphDirectory(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Configuration.GetSection(GraphOptions.Section).Exists())
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<GraphOptions>()
            .BindConfiguration(GraphOptions.Section)
            .PostConfigure<IOptions<BotOptions>>((graph, bot) => InheritBotIdentity(graph, bot.Value))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            var credential = sp.GetKeyedService<TokenCredential>(CredentialKey) ?? CreateCredential(options);
            return CreateClient(options, credential);
        });

        services.AddSingleton<GraphDirectory>();
        services.AddSingleton<IDirectory>(sp => sp.GetRequiredService<GraphDirectory>());
        services.AddSingleton<IGroupMembers>(sp => sp.GetRequiredService<GraphDirectory>()); // roles named by Entra group

        return builder;
    }

    /// <summary>In Azure the bot's managed identity is also its Graph identity: empty Graph identity settings come from <c>Bot</c>.</summary>
    internal static void InheritBotIdentity(GraphOptions graph, BotOptions bot)
    {
        graph.AuthType ??= bot.AuthType;
        graph.ClientId = FirstSet(graph.ClientId, bot.AppId);
        graph.TenantId = FirstSet(graph.TenantId, bot.TenantId);
        graph.ClientSecret = FirstSet(graph.ClientSecret, bot.ClientSecret);
        graph.CertificatePath = FirstSet(graph.CertificatePath, bot.CertificatePath);
    }

    internal static TokenCredential CreateCredential(GraphOptions options) => options.AuthType switch
    {
        BotAuthType.ClientSecret => new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret),
        BotAuthType.Certificate => new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath),
        _ => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId!)),
    };

    /// <summary>
    /// The SDK's default pipeline (retry, redirect, compression, telemetry...) with its retry handler configured from
    /// the options: configured, not wrapped. Tokens go to the Graph host only, even if a response points elsewhere.
    /// </summary>
    internal static GraphServiceClient CreateClient(GraphOptions options, TokenCredential credential)
    {
        var handlers = MsGraphClientFactory.CreateDefaultHandlers();
        var retry = handlers.ToList().FindIndex(h => h is RetryHandler);
        var configured = new RetryHandler(new RetryHandlerOption { MaxRetry = options.MaxRetries, Delay = options.RetryDelaySeconds });
        if (retry >= 0)
        {
            handlers[retry] = configured;
        }
        else
        {
            handlers.Insert(0, configured);
        }

        var http = MsGraphClientFactory.Create(handlers, finalHandler: new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // the SDK's redirect handler decides, and drops the token on a host change
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        var auth = new AzureIdentityAuthenticationProvider(
            credential,
            allowedHosts: [options.BaseUrl.Host],
            observabilityOptions: null,
            isCaeEnabled: false,
            scopes: [options.Scope]);
        return new GraphServiceClient(http, auth, options.BaseUrl.AbsoluteUri.TrimEnd('/'));
    }

    private static string? FirstSet(string? value, string? fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
