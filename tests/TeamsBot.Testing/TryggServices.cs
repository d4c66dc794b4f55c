using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Hosting;
using Trygg.Storage;

namespace Trygg.Testing;

/// <summary>
/// The bot's services without the web host, for tests of one store or one service: the bot's storage registration
/// (<see cref="StorageSetup.AddStorage"/>) on a test Azurite table prefix, in Development, with the same
/// <see cref="TryggBotOptions"/> as the whole bot (settings, clock, logs, replacements). The caller adds the folders
/// it tests (<c>builder.AddDelivery()</c>, a store) before <c>Build</c>. Two hosts on one prefix are two instances.
/// </summary>
public static class TryggServices
{
    public static HostApplicationBuilder Builder(AzuriteFixture azurite, string tablePrefix, TryggBotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        options ??= new TryggBotOptions();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(azurite.StorageSettings(tablePrefix));
        builder.Configuration.AddInMemoryCollection(options.Settings);
        builder.AddClock();
        if (options.Time is not null)
        {
            builder.Services.AddSingleton(options.Time);
        }

        options.Logs?.AddTo(builder.Services);
        builder.AddStorage();
        options.Services?.Invoke(builder.Services);
        return builder;
    }

    /// <summary>Storage and the registrations of <paramref name="addStores"/> (the stores under test), built.</summary>
    public static IHost Build(AzuriteFixture azurite, string tablePrefix, Action<IServiceCollection>? addStores = null) =>
        Builder(azurite, tablePrefix, new TryggBotOptions { Services = addStores }).Build();
}
