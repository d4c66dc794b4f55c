namespace Trygg.Conversation;

public static class ConversationSetup
{
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder) => builder;
}
