using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Contacts;

/// <summary>
/// "vem ringer jag", "jouren", "kontakt": the member's own numbers, read from their organisation profile at this moment
/// (the security unit in office hours, the on-call line out of hours, by the office calendar), their party's security
/// officer, with 112 and 114 14. Every number is a tap-to-call button.
/// </summary>
internal sealed class ContactsActions(
    IMemberProfiles profiles,
    IOrganisationDirectory organisations,
    IOfficeCalendar calendar,
    ICardRenderer renderer,
    TimeProvider time) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [FeatureVerbs.Contacts];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var profile = await profiles.GetAsync(turn, cancellationToken);
        var organisation = profile is null ? null : organisations.Find(profile.OrganisationId);
        var card = profile is null || organisation is null
            ? ContactsCard.WithoutProfile(turn.Language)
            : ContactsCard.For(turn.Language, organisation, OrganisationContacts.For(organisation, profile.Party, calendar, time.GetUtcNow()), profile.Party);
        replies.ShowCard(turn, card.Render(renderer));
    }
}
