namespace Trygg.Storage.Documents;

public static class DocumentsSetup
{
    /// <summary>Documents shared by link (<see cref="ISharedDocuments"/>); needs storage (AddStorage).</summary>
    public static IHostApplicationBuilder AddSharedDocuments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DocumentsOptions>()
            .BindConfiguration(DocumentsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ISharedDocuments, TableSharedDocuments>();
        return builder;
    }
}
