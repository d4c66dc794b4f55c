using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Trygg.Storage;

namespace Trygg.EvidenceFiles;

public static class EvidenceSetup
{
    /// <summary>
    /// Evidence: validated <see cref="EvidenceOptions"/>, the private evidence container (named after the table prefix, so
    /// tests and side-by-side environments keep apart), the member's "Lägg till bevis" and the report form's file step.
    /// </summary>
    public static IHostApplicationBuilder AddEvidence(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EvidenceOptions>()
            .BindConfiguration(EvidenceOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => o.MaxCaseBytes >= o.MaxFileBytes,
                $"{EvidenceOptions.Section}:{nameof(EvidenceOptions.MaxCaseBytes)} must be at least {EvidenceOptions.Section}:{nameof(EvidenceOptions.MaxFileBytes)}.")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>()
            .Validate<IOptions<EvidenceOptions>>(
                (storage, evidence) => !string.IsNullOrWhiteSpace(storage.ConnectionString) || evidence.Value.BlobEndpoint is { IsAbsoluteUri: true },
                $"Evidence is kept in Blob storage: set {EvidenceOptions.Section}:{nameof(EvidenceOptions.BlobEndpoint)} (https://<account>.blob.core.windows.net) when {StorageOptions.Section}:{nameof(StorageOptions.TableEndpoint)} is used.")
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var evidence = sp.GetRequiredService<IOptions<EvidenceOptions>>().Value;
            var client = string.IsNullOrWhiteSpace(storage.ConnectionString)
                ? new BlobServiceClient(evidence.BlobEndpoint, StorageClientFactory.CreateCredential(storage.ManagedIdentityClientId))
                : new BlobServiceClient(storage.ConnectionString);
            return new BlobEvidenceStore(
                client.GetBlobContainerClient(ContainerName(storage.TablePrefix)), sp.GetRequiredService<EvidenceReservations>(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<EvidenceReservations>();
        services.AddSingleton<IEvidenceStore>(sp => sp.GetRequiredService<BlobEvidenceStore>());
        services.AddSingleton<Cases.Files.ICaseEvidence, CaseEvidenceAdapter>();
        services.AddSingleton<EvidenceIntake>();
        services.AddSingleton<DraftEvidence>();
        services.AddSingleton<Reporting.IDraftFiles>(sp => sp.GetRequiredService<DraftEvidence>());
        services.AddSingleton<FormEvidence>();
        services.AddSingleton<Conversation.Turns.ICardActionHandler, EvidenceActions>();
        return builder;
    }

    /// <summary>Container names are lower-case letters, digits and hyphens; the table prefix is letters and digits.</summary>
#pragma warning disable CA1308 // container names must be lower case
    internal static string ContainerName(string tablePrefix) => tablePrefix.ToLowerInvariant() + "-evidence";
#pragma warning restore CA1308
}
