using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Trygg.Testing;

/// <summary>
/// The real bot (Program.cs, every registration) on a loopback Kestrel port, configured for Azurite and a
/// loopback connector. Two instances with the same <see cref="TablePrefix"/> share state: that is a restart.
/// </summary>
public sealed class TryggApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replacements registered after the app's own (e.g. a fake clock), like ConfigureTestServices.</param>
    public TryggApp(string storageConnectionString, string connectorServiceUrl, string tablePrefix, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        TablePrefix = tablePrefix;
        _services = services;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = storageConnectionString,
            ["Storage:TablePrefix"] = tablePrefix,
            ["Bot:TrustedServiceUrls:0"] = connectorServiceUrl,
            ["Connector:BaseDelay"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",

            // The daily retention job runs when a test says so (RunOnceAsync), not on the wall clock in every test.
            ["Privacy:RunInBackground"] = "false",

            // Nor do training reminders: on a working day's wall clock a member saved by a test is due a reminder at once,
            // and its card reached a test waiting for the reply to a question (CI on a Monday, never on the weekend).
            // A test of the scheduler turns it on, with a fake clock.
            ["Training:RunScheduler"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // The port is chosen through the urls setting, not UseKestrel(port): that overload rewrites the server's
        // addresses after start-up and races the server (seen as "Addresses cannot be modified after the server has started").
        UseKestrel();
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public string TablePrefix { get; }

    /// <summary>Where the bot listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A plain HTTP client against the running bot.</summary>
    public HttpClient Http { get; }

    public Uri MessagesEndpoint => new(BaseAddress, "/api/messages");

    public Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? bearerToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new("Bearer", bearerToken);
        }

        return Http.SendAsync(request);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }

        base.Dispose(disposing);
    }
}
