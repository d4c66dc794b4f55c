namespace Trygg.Training;

public static class TrainingSetup
{
    /// <summary>Training records (the <c>training</c> table). Needs storage (AddStorage).</summary>
    public static IServiceCollection AddTrainingStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<ITrainingRecords, TableTrainingRecords>();
        return services;
    }
}
