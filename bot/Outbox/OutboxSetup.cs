using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Trygg.Outbox;

public static class OutboxSetup
{
    /// <summary>
    /// The outbox: its store, the lease, the dispatcher (a hosted service), the signal that wakes it and the pacer every
    /// proactive call waits on within Teams' limits (<c>Delivery:RateLimits</c>). Needs storage, an
    /// <see cref="IProactiveMessenger"/> (Teams) and an <see cref="IAppInstaller"/> (the directory); features register the
    /// handlers of their kinds (<see cref="IOutboxHandler"/>) and the tables their rows live in (<see cref="AddOutboxTable"/>).
    /// </summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DeliveryOptions>()
            .BindConfiguration(DeliveryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SendLimitsOptions>()
            .BindConfiguration(SendLimitsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ISendPacer, SendPacer>();
        services.AddSingleton<TableOutboxStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxLease>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return builder;
    }

    /// <summary>A feature's table that holds the outbox rows of <paramref name="kinds"/> next to its own data; see <see cref="OutboxTable"/>.</summary>
    internal static IServiceCollection AddOutboxTable(this IServiceCollection services, string name, int order, params OutboxKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ImplementationInstance is OutboxTable table && table.Name == name))
        {
            services.AddSingleton(new OutboxTable(name, order, kinds));
        }

        return services;
    }
}
