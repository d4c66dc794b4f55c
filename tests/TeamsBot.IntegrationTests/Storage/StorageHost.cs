using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Hosting;
using Trygg.Storage;
using Trygg.Testing;

namespace Trygg.Storage;

/// <summary>The bot's storage registration (<see cref="StorageSetup.AddStorage"/>), plus any stores under test, against a test Azurite, without the web host.</summary>
internal static class StorageHost
{
    /// <param name="addStores">Registrations of the stores under test, on top of the storage they share.</param>
    public static IHost Build(AzuriteFixture azurite, string tablePrefix, Action<IServiceCollection>? addStores = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(azurite.StorageSettings(tablePrefix));
        builder.AddClock();
        builder.AddStorage();
        addStores?.Invoke(builder.Services);
        return builder.Build();
    }
}
