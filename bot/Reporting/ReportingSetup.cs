using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Trygg.Reporting;

public static class ReportingSetup
{
    public static IHostApplicationBuilder AddReporting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddReportingStores();
        builder.Services.AddSingleton<ReportCards>();
        builder.Services.AddSingleton<Conversation.Turns.ICardActionHandler, ReportingActions>();
        builder.Services.AddSingleton<Conversation.Turns.ICardActionHandler, MeetingActions>();
        builder.Services.AddSingleton<Trygg.Outbox.IOutboxHandler, MeetingNoticeDelivery>();
        builder.Services.AddSingleton<Police.PoliceCards>();
        builder.Services.AddSingleton<Police.IEvidenceFileNames, Police.CaseEvidenceFileNames>();
        builder.Services.AddSingleton<Conversation.Turns.ICardActionHandler, Police.PoliceActions>();
        return builder;
    }
}
