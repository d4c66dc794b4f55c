using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Conversation.References;
using Trygg.Texts;

namespace Trygg.Conversation.Languages;

/// <summary>
/// The language of a message the bot starts itself to one member (a reminder, a case notice, a handover), read when it
/// is sent: what <see cref="LanguagePolicy"/> remembers from the member's own chat with the bot (the language they
/// chose, else the language of their last message that could tell), else <c>fallback</c> (the organisation's language).
/// </summary>
public interface IMemberLanguage
{
    /// <summary>The member's remembered language, else <paramref name="fallback"/>.</summary>
    Task<Language> ForAsync(string tenantId, string memberAadObjectId, Language fallback, CancellationToken cancellationToken);
}

/// <inheritdoc cref="IMemberLanguage"/>
public sealed class MemberLanguage(IConversationReferenceStore references, IConversationStateStore state) : IMemberLanguage
{
    public async Task<Language> ForAsync(string tenantId, string memberAadObjectId, Language fallback, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberAadObjectId);
        if (await references.GetPersonalAsync(tenantId, memberAadObjectId, cancellationToken) is not { } chat)
        {
            return fallback;
        }

        var member = await state.GetAsync<MemberState>(new StateKey(tenantId, chat.ConversationId, memberAadObjectId, MemberState.Slot), cancellationToken);
        return member?.ChosenLanguage ?? member?.LastLanguage ?? fallback;
    }
}
