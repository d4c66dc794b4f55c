using Microsoft.Extensions.DependencyInjection.Extensions;
using Trygg.Outbox;
using Trygg.Cases;

namespace Trygg.Reporting;

public static class ReportingStorageSetup
{
    /// <summary>
    /// The meeting-notice store on Table storage, and the incident store reports are read from. Needs
    /// <c>AddStorage</c> (tables, time). The concrete notice store is registered too, for the notice's outbox row,
    /// which is added to its submit's transaction.
    /// </summary>
    public static IServiceCollection AddReportingStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddIncidentStore();
        services.TryAddSingleton<TableMeetingNoticeStore>();
        services.TryAddSingleton<IMeetingNoticeStore>(sp => sp.GetRequiredService<TableMeetingNoticeStore>());

        // A notice's outbox row sits next to the notice, written in its transaction; read after the cases' rows.
        services.AddOutboxTable(TableMeetingNoticeStore.TableName, order: 1, Outbox.OutboxKind.MeetingNoticeToChannel);
        return services;
    }
}
