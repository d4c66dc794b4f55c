using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Testing;

namespace Trygg.Storage;

/// <summary>The store tests' name for <see cref="TryggServices.Build"/>: the bot's storage, plus any stores under test, against a test Azurite, without the web host.</summary>
internal static class StorageHost
{
    /// <param name="addStores">Registrations of the stores under test, on top of the storage they share.</param>
    public static IHost Build(AzuriteFixture azurite, string tablePrefix, Action<IServiceCollection>? addStores = null) =>
        TryggServices.Build(azurite, tablePrefix, addStores);
}
