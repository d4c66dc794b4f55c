using Microsoft.Extensions.DependencyInjection.Extensions;
using Trygg.Outbox;

namespace Trygg.Reporting;

public static class ReportingStorageSetup
{
    /// <summary>
    /// The incident and meeting-notice stores on Table storage. Needs <c>AddStorage</c> (tables, time). The
    /// concrete stores are registered too, for features that add rows to a submit's transaction (routing's outbox).
    /// </summary>
    public static IServiceCollection AddReportingStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<TableIncidentStore>();
        services.TryAddSingleton<IIncidentStore>(sp => sp.GetRequiredService<TableIncidentStore>());
        services.TryAddSingleton<TableMeetingNoticeStore>();
        services.TryAddSingleton<IMeetingNoticeStore>(sp => sp.GetRequiredService<TableMeetingNoticeStore>());

        // A notice's outbox row sits next to the notice, written in its transaction; read after the cases' rows.
        services.AddOutboxTable(TableMeetingNoticeStore.TableName, order: 1, Outbox.OutboxKind.MeetingNoticeToChannel);
        return services;
    }
}
