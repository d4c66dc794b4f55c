using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Trygg.Testing;

/// <summary>
/// What a test changes about the real bot: settings on top of <see cref="TryggApp"/>'s (a later key wins), a clock,
/// a log capture, and service replacements registered after the app's own.
/// </summary>
public sealed record TryggBotOptions
{
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The bot's clock (e.g. a FakeTimeProvider); null keeps the system clock.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Where the bot's logs go as well; null captures nothing.</summary>
    public LogCapture? Logs { get; init; }

    /// <summary>Replacements registered after the app's own, like ConfigureTestServices.</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>These options with <paramref name="settings"/> layered on top of <see cref="Settings"/>.</summary>
    public TryggBotOptions With(IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        var all = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return this with { Settings = all };
    }
}

/// <summary>
/// The one integration test host of the whole bot: the real app (<see cref="TryggApp"/>) on a fresh Azurite table
/// prefix with a loopback <see cref="FakeConnector"/>, configured by <see cref="TryggBotOptions"/>. More instances on the
/// same tables are a second bot instance or, after <see cref="Restart"/>, a restart. What every feature needs (an activity
/// builder, posting, Teams' file consent, the security channel) is here; a feature's own steps (reporting a threat,
/// pressing a case button) are extension methods in a <c>XSteps</c> class next to that feature's tests.
/// </summary>
public sealed partial class TryggBot : IAsyncDisposable
{
    private readonly AzuriteFixture _azurite;
    private readonly List<TryggApp> _apps = [];

    private TryggBot(AzuriteFixture azurite, FakeConnector connector, TryggBotOptions options)
    {
        _azurite = azurite;
        Connector = connector;
        Options = options;
        Activities = new Activities(connector.ServiceUrl);
        App = StartInstance();
    }

    /// <summary>Builds the activities of the member the test plays; a test may swap in another member.</summary>
    public Activities Activities { get; set; }

    public FakeConnector Connector { get; }

    public TryggBotOptions Options { get; }

    public string TablePrefix { get; } = AzuriteFixture.NewTablePrefix();

    /// <summary>The current instance; <see cref="Restart"/> replaces it.</summary>
    public TryggApp App { get; private set; }

    public AzuriteFixture Azurite => _azurite;

    public static async Task<TryggBot> StartAsync(AzuriteFixture azurite, TryggBotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        return new TryggBot(azurite, await FakeConnector.StartAsync(), options ?? new TryggBotOptions());
    }

    /// <summary>The bot with <paramref name="settings"/> on top of the app's own.</summary>
    public static Task<TryggBot> StartAsync(AzuriteFixture azurite, IEnumerable<KeyValuePair<string, string?>>? settings) =>
        StartAsync(azurite, new TryggBotOptions().With(settings));

    /// <summary>An activity posted to /api/messages of the current instance, as Teams would.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => App.PostActivityAsync(activity);

    /// <summary>Another instance of the bot on the same tables, clock and connector, with <paramref name="settings"/> on top.</summary>
    public TryggApp StartInstance(IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var options = Options.With(settings);
        var app = new TryggApp(_azurite.ConnectionString, Connector.ServiceUrl, TablePrefix, options.Settings.ToDictionary(), services =>
        {
            if (options.Time is not null)
            {
                services.AddSingleton(options.Time);
            }

            options.Logs?.AddTo(services);
            options.Services?.Invoke(services);
        });
        _apps.Add(app);
        return app;
    }

    /// <summary>Stops the current instance and starts a new one on the same tables: a restart.</summary>
    public void Restart()
    {
        App.Dispose();
        _apps.Remove(App);
        App = StartInstance();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            app.Dispose();
        }

        await Connector.DisposeAsync();
    }
}
