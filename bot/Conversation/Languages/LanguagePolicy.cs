using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Conversation.Languages;

/// <summary>The language of a turn's replies, and whether the member's message was a switch to that language.</summary>
public sealed record LanguageDecision(Turn Turn, bool Switched);

/// <summary>
/// The one place that decides which language the bot answers in. In a channel: the organisation's language (its
/// profile, Swedish by default), whoever writes and whatever their Teams client speaks. Elsewhere, a reply to a person
/// is in (a) the language they chose (a typed "in English" / "på svenska" or the welcome card's button), else (b) the
/// language of what they just wrote, else (c) the language of their last message that could tell, else (d) their
/// Teams client's locale. Both the choice and the last language are remembered, so proactive messages and later card
/// taps use them too.
/// </summary>
public sealed class LanguagePolicy(IConversationStateStore state, IOrganisationDirectory organisations, ISecurityChannelStore channels)
{
    public async Task<LanguageDecision> DecideAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Scope == ConversationScope.Channel)
        {
            return new LanguageDecision(turn with { Language = await OrganisationLanguageAsync(turn, cancellationToken) }, Switched: false);
        }

        if (turn.Kind is not (TurnKind.Message or TurnKind.CardSubmit or TurnKind.CardExecute) || !turn.User.IsIdentified)
        {
            return new LanguageDecision(turn, Switched: false);
        }

        var key = MemberState.KeyFor(turn);
        if (turn.Kind == TurnKind.Message && LanguageSwitch.Parse(turn.Text) is { } chosen)
        {
            await state.UpdateAsync<MemberState>(key, m => (m ?? new MemberState()) with { ChosenLanguage = chosen, LastLanguage = chosen }, cancellationToken);
            return new LanguageDecision(turn with { Language = chosen }, Switched: true);
        }

        var member = await state.GetAsync<MemberState>(key, cancellationToken);
        if (member?.ChosenLanguage is { } remembered)
        {
            return new LanguageDecision(turn with { Language = remembered }, Switched: false);
        }

        var written = turn.Kind == TurnKind.Message ? LanguageDetector.Detect(turn.Text) : null;
        if (written is { } language && language != member?.LastLanguage)
        {
            // Written only when it changes: no storage write per message.
            await state.UpdateAsync<MemberState>(key, m => (m ?? new MemberState()) with { LastLanguage = language }, cancellationToken);
        }

        return new LanguageDecision(turn with { Language = written ?? member?.LastLanguage ?? turn.Language }, Switched: false);
    }

    /// <summary>
    /// The language of the organisation whose security channel this is. Every profile of a deployment usually shares
    /// one language, and then no storage is read; otherwise the channel's registration names the organisation.
    /// </summary>
    private async Task<Language> OrganisationLanguageAsync(Turn turn, CancellationToken cancellationToken)
    {
        var languages = organisations.All.Select(o => o.Language).Distinct().ToList();
        if (languages.Count == 1)
        {
            return languages[0];
        }

        foreach (var organisation in organisations.All)
        {
            if (await channels.IsSecurityChannelAsync(turn, organisation.Id, cancellationToken))
            {
                return organisation.Language;
            }
        }

        return Language.Swedish;
    }
}
