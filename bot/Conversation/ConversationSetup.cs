using Microsoft.Extensions.DependencyInjection.Extensions;
using Trygg.Conversation.Turns;
using Trygg.Conversation.Welcome;

namespace Trygg.Conversation;

public static class ConversationSetup
{
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IConversationHandler, ConversationHandler>();
        builder.Services.AddSingleton<ICardActionHandler, WelcomeActions>();
        builder.Services.AddSingleton<Languages.LanguagePolicy>();
        builder.Services.AddSingleton<TurnRouter>();
        return builder;
    }
}
