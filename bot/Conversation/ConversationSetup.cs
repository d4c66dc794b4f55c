using Trygg.Conversation.References;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Conversation.Welcome;

namespace Trygg.Conversation;

public static class ConversationSetup
{
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddConversationStores();

        // A private flow asked for in a group chat continues 1:1, through the outbox.
        builder.Services.AddSingleton<Handover.IPersonalChatHandover, Handover.OutboxPersonalChatHandover>();
        builder.Services.AddSingleton<Handover.HandoverRows>();
        builder.Services.AddSingleton<Outbox.IOutboxHandler, Handover.PersonalChatHandoverDelivery>();
        builder.Services.AddSingleton<IConversationHandler, ConversationHandler>();
        builder.Services.AddHostedService<Intents.LearntReadersWarmUp>();
        builder.Services.AddSingleton<ICardActionHandler, WelcomeActions>();
        builder.Services.AddSingleton<ICardActionHandler, Awaiting.AsTypedActions>();
        builder.Services.AddSingleton<Languages.LanguagePolicy>();
        builder.Services.AddSingleton<TurnRouter>();
        return builder;
    }

    /// <summary>
    /// Conversation state and conversation references on Table storage, and the member's language read from them (every
    /// proactive message to a member reads it when it is sent). Needs storage (AddStorage).
    /// </summary>
    public static IServiceCollection AddConversationStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<Languages.IMemberLanguage, Languages.MemberLanguage>();
        services.AddSingleton<IConversationStateStore, TableConversationStateStore>();
        services.AddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();
        return services;
    }
}
