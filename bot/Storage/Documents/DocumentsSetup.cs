namespace Trygg.Storage.Documents;

public static class DocumentsSetup
{
    /// <summary>Images shared by link (<see cref="ISharedDocuments"/>) and files with personal data kept for their owner (<see cref="IPrivateFiles"/>); needs storage (AddStorage).</summary>
    public static IHostApplicationBuilder AddSharedDocuments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DocumentsOptions>()
            .BindConfiguration(DocumentsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ISharedDocuments, TableSharedDocuments>();
        builder.Services.AddSingleton<IPrivateFiles, TablePrivateFiles>();
        return builder;
    }
}
