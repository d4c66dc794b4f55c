using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Trygg.Conversation.State;
using Trygg.Conversation.References;

namespace Trygg.Storage;

public static class StorageSetup
{
    /// <summary>
    /// Table storage: validated <see cref="StorageOptions"/>, one <see cref="TableServiceClient"/>, the table
    /// provider, the stores that live on it (conversation state, conversation references) and the "ready" probe.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => StorageClientFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<ITables, TableProvider>();

        services.AddSingleton<IConversationStateStore, TableConversationStateStore>();
        services.AddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();

        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return builder;
    }
}
