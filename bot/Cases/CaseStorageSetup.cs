using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Trygg.Cases;

public static class CaseStorageSetup
{
    /// <summary>
    /// The incident store on Table storage. Needs <c>AddStorage</c> (tables, time). The concrete store is registered
    /// too, for the case intake, which adds the case file and the outbox rows to a submit's transaction.
    /// </summary>
    public static IServiceCollection AddIncidentStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<TableIncidentStore>();
        services.TryAddSingleton<IIncidentStore>(sp => sp.GetRequiredService<TableIncidentStore>());
        return services;
    }
}
