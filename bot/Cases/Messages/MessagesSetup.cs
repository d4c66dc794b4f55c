using Trygg.Conversation.Turns;

namespace Trygg.Cases.Messages;

public static class MessagesSetup
{
    /// <summary>
    /// Messages between the security unit and the member who reported: the store, the cards, staff writing (a case verb,
    /// through CaseActions), the member's answers and the sending of both (rows delivered by the case's outbox handler).
    /// </summary>
    public static IServiceCollection AddCaseMessages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The reporter's-own-case rule, shared with evidence and the police report (they run where messages do).
        services.AddSingleton<ReporterCases>();
        services.AddSingleton<CaseMessageStore>();
        services.AddSingleton<MessageCards>();
        services.AddSingleton<CaseMessageWriter>();
        services.AddSingleton<CaseMessageSender>();
        services.AddSingleton<ICardActionHandler, MemberMessageActions>();
        return services;
    }
}
