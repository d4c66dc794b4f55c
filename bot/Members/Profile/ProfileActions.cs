using System.Text.RegularExpressions;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Members.Profile;

/// <summary>
/// The profile card: <see cref="ProfileVerbs.Show"/> shows it, <see cref="ProfileVerbs.Save"/> checks and stores it.
/// Name and e-mail come from Teams; everything else the member chooses from the organisation's own lists.
/// </summary>
public sealed partial class ProfileActions(
    IMemberProfileStore store,
    IOrganisationDirectory organisations,
    IMemberIdentityLookup identities,
    ICardRenderer cards,
    TimeProvider time,
    ILogger<ProfileActions> logger) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [ProfileVerbs.Show, ProfileVerbs.Save];

    public Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        if (turn.Scope != ConversationScope.Personal)
        {
            // The card shows the member's e-mail, phone number, party and role: not for a group chat or channel.
            replies.ShowText(turn, ProfileTexts.For(turn.Language).PersonalChatOnly);

            return Task.CompletedTask;
        }

        return turn.Action?.Verb == ProfileVerbs.Save
            ? SaveAsync(turn, replies, cancellationToken)
            : ShowAsync(turn, replies, cancellationToken);
    }

    private async Task ShowAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var texts = ProfileTexts.For(turn.Language);
        var sent = ProfileForm.From(turn.Action);
        var identity = await IdentityAsync(turn, null, cancellationToken);

        switch (turn.Action?.Get(ProfileData.Step))
        {
            case ProfileSteps.Organisation:
                // The member pressed "Nästa" after choosing a municipality.
                var chosen = sent.OrganisationId is { } id ? organisations.Find(id) : null;
                var errors = chosen is null ? new ProfileErrors(Organisation: texts.OrganisationMissing) : ProfileErrors.None;
                var saved = chosen is null ? null : await store.GetAsync(MemberProfiles.Of(turn), cancellationToken);
                var form = saved is not null && saved.OrganisationId == chosen!.Id ? ProfileForm.Of(saved, sent.Next) : sent;
                Show(turn, replies, ProfileCard.Build(texts, organisations.All, chosen, form, errors, identity));
                return;
            case ProfileSteps.ChangeOrganisation:
                Show(turn, replies, ProfileCard.Build(texts, organisations.All, null, sent, ProfileErrors.None, identity));
                return;
        }

        var profile = await store.GetAsync(MemberProfiles.Of(turn), cancellationToken);
        var start = profile is not null ? ProfileForm.Of(profile, sent.Next) : sent;
        var organisation = start.OrganisationId is { } organisationId ? organisations.Find(organisationId) : null;
        Show(turn, replies, ProfileCard.Build(texts, organisations.All, organisation, start, ProfileErrors.None, identity));
    }

    private async Task SaveAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var texts = ProfileTexts.For(turn.Language);
        var form = ProfileForm.From(turn.Action);
        var key = MemberProfiles.Of(turn);
        var (valid, errors) = ProfileValidation.Validate(form, organisations, texts);
        if (valid is null)
        {
            LogInvalid(errors.FieldNames);
            var identity = await IdentityAsync(turn, null, cancellationToken);
            var organisation = form.OrganisationId is { } id ? organisations.Find(id) : null;
            Show(turn, replies, ProfileCard.Build(texts, organisations.All, organisation, form, errors, identity));
            return;
        }

        var previous = await store.GetAsync(key, cancellationToken);
        var who = await IdentityAsync(turn, previous, cancellationToken);
        var profile = new MemberProfile(
            valid.Organisation.Id, valid.Party, valid.Role, valid.BodyIds, valid.Phone, who.Name, who.Email, time.GetUtcNow());
        await store.SaveAsync(key, profile, cancellationToken);
        LogSaved(profile.OrganisationId, previous is null);

        // The confirmation replaces the form even when a next step follows: that step usually replaces it again, and
        // if it only sends a new message, the member is not left looking at an editable form they already saved.
        Show(turn, replies, ProfileSavedCard.For(texts, profile, valid.Organisation).Render(cards));
        if (form.Next is { } next)
        {
            if (IsContinuation(next))
            {
                replies.ContinueWith(next);
            }
            else
            {
                LogContinuationIgnored();
            }
        }
    }

    /// <summary>Teams first; then what the profile already holds; then the name on the activity.</summary>
    private async Task<MemberIdentity> IdentityAsync(Turn turn, MemberProfile? saved, CancellationToken cancellationToken)
    {
        var found = await identities.FindAsync(turn.TenantId, turn.ConversationId, turn.User.Id, cancellationToken);
        if (found is not null)
        {
            return found;
        }

        return saved is not null ? new MemberIdentity(saved.Name, saved.Email) : new MemberIdentity(turn.User.Name ?? "", null);
    }

    private void Show(Turn turn, TurnReplies replies, ProfileCard card) => Show(turn, replies, card.Render(cards));

    private static void Show(Turn turn, TurnReplies replies, AdaptiveCard card)
    {
        if (turn.Kind == TurnKind.CardExecute)
        {
            replies.ReplaceCard(card);
        }
        else
        {
            replies.SendCard(card);
        }
    }

    /// <summary>A namespaced verb of another feature: never the profile's own, which would loop.</summary>
    private static bool IsContinuation(string verb) =>
        ContinuationVerb().IsMatch(verb) && verb is not (ProfileVerbs.Save or ProfileVerbs.Show);

    [GeneratedRegex("^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$")]
    private static partial Regex ContinuationVerb();

    // Which fields, never their values: the log must not hold a member's party or phone number.
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Profile form sent back to the member; fields to fix: {Fields}")]
    private partial void LogInvalid(string fields);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Profile saved for organisation {OrganisationId} (first time {FirstTime})")]
    private partial void LogSaved(string organisationId, bool firstTime);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Profile saved; the card's next step was not a verb and was ignored")]
    private partial void LogContinuationIgnored();
}
