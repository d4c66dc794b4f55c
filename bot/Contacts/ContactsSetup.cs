using Trygg.Conversation.Turns;

namespace Trygg.Contacts;

public static class ContactsSetup
{
    /// <summary>The member's own contacts (<see cref="Conversation.FeatureVerbs.Contacts"/>).</summary>
    public static IHostApplicationBuilder AddContacts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ICardActionHandler, ContactsActions>();
        return builder;
    }
}
