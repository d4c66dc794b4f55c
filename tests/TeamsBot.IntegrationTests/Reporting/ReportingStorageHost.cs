using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Trygg.Storage;
using Trygg.Testing;

namespace Trygg.Reporting;

/// <summary>The bot's storage and reporting-store registrations against a test Azurite, without the web host.</summary>
internal static class ReportingStorageHost
{
    public static IHost Build(AzuriteFixture azurite, string tablePrefix)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(azurite.StorageSettings(tablePrefix));
        builder.AddStorage();
        builder.Services.AddReportingStores();
        return builder.Build();
    }
}
