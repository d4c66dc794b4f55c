using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Trygg.Storage;
using Trygg.Testing;

namespace Trygg.Storage;

/// <summary>The bot's storage registration (<see cref="StorageSetup.AddStorage"/>) against a test Azurite, without the web host.</summary>
internal static class StorageHost
{
    public static IHost Build(AzuriteFixture azurite, string tablePrefix)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(azurite.StorageSettings(tablePrefix));
        builder.AddStorage();
        return builder.Build();
    }
}
