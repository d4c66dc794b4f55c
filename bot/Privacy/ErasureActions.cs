using System.Globalization;
using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Cases;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Privacy;

/// <summary>
/// "radera uppgifter &lt;namn eller e-post&gt;" / "erase data ...": the security unit erases a member's data on request. Only
/// the organisation's security staff, in a channel; first a confirmation card naming the member and what will go, then
/// the erasure. Every step is in the erasure log (who, whose, when, counts); anyone else is refused politely, and the
/// attempt is logged too. The buttons check again: a card in a channel can be pressed by anyone there.
/// </summary>
internal sealed partial class ErasureActions(
    IOrganisationDirectory organisations,
    IMemberProfiles profiles,
    IMemberProfileStore profileStore,
    MemberErasure erasure,
    TablePrivacyLog log,
    ISecurityChannelStore channels,
    ICardRenderer cards,
    TimeProvider time,
    ILogger<ErasureActions> logger) : ICardActionHandler
{
    /// <summary>Where a refused attempt is logged when the person belongs to no organisation.</summary>
    internal const string NoOrganisation = "-";

    public IReadOnlyCollection<string> Verbs { get; } = [PrivacyVerbs.Erase, PrivacyVerbs.Confirm, PrivacyVerbs.Cancel];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var action = turn.Action!;
        var t = PrivacyTexts.For(turn.Language);
        var requested = action.Verb == PrivacyVerbs.Erase ? null : action.Get("org");
        var own = (await profiles.GetAsync(turn, cancellationToken))?.OrganisationId;
        var organisation = requested is null
            ? StaffAccess.StaffOrganisation(organisations, turn.User.AadObjectId, own)
            : organisations.Find(requested);
        var staff = organisation is null ? null : Staff.FindSecurityStaff(organisation, turn.User.AadObjectId);
        var subject = (action.Verb == PrivacyVerbs.Erase ? action.Get(Commands.ArgumentKey) : action.Get("member"))?.Trim() ?? string.Empty;

        if (staff is null)
        {
            var where = organisation?.Id ?? own ?? NoOrganisation;
            await log.WriteAsync(turn.TenantId, where, Entry(turn, null, Act(action.Verb), allowed: false, subject, string.Empty, "not security staff"), cancellationToken);
            LogRefused(action.Verb, where);
            replies.ShowText(turn, t.EraseNotAllowed);
            return;
        }

        // Only in the organisation's own registered security channel: the confirmation names the member.
        if (!await channels.IsSecurityChannelAsync(turn, organisation!.Id, cancellationToken))
        {
            replies.ShowText(turn, t.EraseInChannel);
            return;
        }

        switch (action.Verb)
        {
            case PrivacyVerbs.Erase:
                await AskAsync(turn, replies, organisation!, staff, subject, t, cancellationToken);
                return;
            case PrivacyVerbs.Cancel:
                replies.ShowCard(turn, cards.Render(ErasureResultCard.Template, new ErasureResultCard(t.CancelButton, t.CancelledText)));
                return;
            default:
                await EraseAsync(turn, replies, organisation!, staff, subject, t, cancellationToken);
                return;
        }
    }

    private async Task AskAsync(Turn turn, TurnReplies replies, Organisation organisation, StaffPerson staff, string who, PrivacyTexts t, CancellationToken cancellationToken)
    {
        if (who.Length == 0)
        {
            replies.SendText(t.EraseHowTo);
            return;
        }

        var members = (await profileStore.ListAsync(organisation.Id, cancellationToken))
            .Where(m => m.Key.TenantId == turn.TenantId)
            .ToList();
        var matches = members.Where(m => Named(m.Key, m.Profile, who)).ToList();
        if (matches.Count == 0)
        {
            matches = [.. members.Where(m => m.Profile.Name.Contains(who, StringComparison.OrdinalIgnoreCase))];
        }

        if (matches.Count == 0)
        {
            matches = await FormerMembersAsync(turn.TenantId, organisation, who, cancellationToken);
        }

        if (matches.Count != 1)
        {
            replies.SendPlainText(matches.Count == 0
                ? string.Format(CultureInfo.InvariantCulture, t.EraseNoMatchFormat, who, organisation.Name)
                : t.EraseSeveral + string.Join(", ", matches.Select(m => m.Profile.Name).Order().Take(10)));
            return;
        }

        var (key, profile) = matches[0];
        var found = await erasure.PreviewAsync(turn.TenantId, organisation.Id, key.UserId, cancellationToken);
        await log.WriteAsync(turn.TenantId, organisation.Id, Entry(turn, staff, ErasureAction.Requested, allowed: true, key.UserId, profile.Name, found.ToString()), cancellationToken);
        replies.SendCard(cards.Render(ConfirmErasureCard.Template, new ConfirmErasureCard(
            string.Format(CultureInfo.InvariantCulture, t.ConfirmTitleFormat, profile.Name),
            DescribeFound(found.Reports, found.Notices, found.TrainingRecords, turn.Language),
            t.ConfirmText,
            t.ConfirmButton,
            t.CancelButton,
            organisation.Id,
            key.UserId)));
    }

    /// <summary>
    /// Members who moved to another organisation and named <paramref name="who"/>: their profile is there now, but the
    /// reports, notices or training records they left here are this organisation's to erase.
    /// </summary>
    private async Task<List<(MemberKey Key, MemberProfile Profile)>> FormerMembersAsync(string tenantId, Organisation organisation, string who, CancellationToken cancellationToken)
    {
        var found = new List<(MemberKey Key, MemberProfile Profile)>();
        foreach (var other in organisations.All.Where(o => o.Id != organisation.Id))
        {
            foreach (var (key, profile) in await profileStore.ListAsync(other.Id, cancellationToken))
            {
                if (key.TenantId == tenantId && Named(key, profile, who)
                    && !(await erasure.PreviewAsync(tenantId, organisation.Id, key.UserId, cancellationToken)).Nothing)
                {
                    found.Add((key, profile));
                }
            }
        }

        return found;
    }

    /// <summary>The staff member wrote the member's whole name, e-mail or id.</summary>
    private static bool Named(MemberKey key, MemberProfile profile, string who) =>
        string.Equals(profile.Name, who, StringComparison.OrdinalIgnoreCase)
        || string.Equals(profile.Email, who, StringComparison.OrdinalIgnoreCase)
        || string.Equals(key.UserId, who, StringComparison.OrdinalIgnoreCase);

    private async Task EraseAsync(Turn turn, TurnReplies replies, Organisation organisation, StaffPerson staff, string memberId, PrivacyTexts t, CancellationToken cancellationToken)
    {
        if (memberId.Length == 0)
        {
            replies.ShowText(turn, t.EraseHowTo);
            return;
        }

        // The card's member id is data anyone can forge: the member must belong to this organisation in this tenant (their
        // profile says so, or, without a profile, something of theirs is kept here) before anything is read out or erased.
        var profile = await profileStore.GetAsync(new MemberKey(turn.TenantId, memberId), cancellationToken);
        if (!await BelongsAsync(turn.TenantId, organisation, memberId, profile, cancellationToken))
        {
            await log.WriteAsync(turn.TenantId, organisation.Id, Entry(turn, staff, ErasureAction.Erased, allowed: false, memberId, string.Empty, "not a member of the organisation"), cancellationToken);
            LogRefusedOtherOrganisation(organisation.Id);
            replies.ShowText(turn, string.Format(CultureInfo.InvariantCulture, t.EraseNoMatchFormat, memberId, organisation.Name));
            return;
        }

        // The name is read before it goes, for the log and the answer; a member without a profile is named by id.
        var name = profile?.Name ?? memberId;
        // A member who moved on keeps their profile and chat with the organisation they belong to now.
        var formerMember = profile is not null && !string.Equals(profile.OrganisationId, organisation.Id, StringComparison.Ordinal);
        var erased = await erasure.EraseAsync(turn.TenantId, organisation.Id, memberId, formerMember, cancellationToken);
        await log.WriteAsync(turn.TenantId, organisation.Id, Entry(turn, staff, ErasureAction.Erased, allowed: true, memberId, name, erased.ToString()), cancellationToken);
        LogErased(organisation.Id, erased.Reports, erased.Notices, erased.TrainingRecords, erased.StateRows, erased.Profile);
        replies.ShowCard(turn, cards.Render(ErasureResultCard.Template, new ErasureResultCard(
            string.Format(CultureInfo.InvariantCulture, t.ConfirmTitleFormat, name),
            erased.Nothing ? t.ErasedNothing : string.Format(CultureInfo.InvariantCulture, t.ErasedFormat, name, Describe(erased, turn.Language)))));
    }

    /// <summary>Their profile names this organisation, or something of theirs is kept here (no profile, or they moved on).</summary>
    private async Task<bool> BelongsAsync(string tenantId, Organisation organisation, string memberId, MemberProfile? profile, CancellationToken cancellationToken) =>
        (profile is not null && string.Equals(profile.OrganisationId, organisation.Id, StringComparison.Ordinal))
        || !(await erasure.PreviewAsync(tenantId, organisation.Id, memberId, cancellationToken)).Nothing;

    internal static string Describe(ErasureCounts c, Language language)
    {
        var t = PrivacyTexts.For(language);
        var counts = string.Format(
            CultureInfo.InvariantCulture,
            t.ErasedCountsFormat,
            Count(c.Reports, t.ReportOne, t.ReportMany),
            Count(c.Notices, t.NoticeOne, t.NoticeMany),
            Count(c.TrainingRecords, t.TrainingRecordOne, t.TrainingRecordMany),
            Count(c.StateRows, t.ChatRecordOne, t.ChatRecordMany));
        return c.Profile ? counts + ", " + t.ErasedProfile : counts;
    }

    /// <summary>What an erasure will touch, counted in words that agree with the number ("1 meeting notice", "2 meeting notices").</summary>
    internal static string DescribeFound(int reports, int notices, int trainingRecords, Language language)
    {
        var t = PrivacyTexts.For(language);
        return string.Format(
            CultureInfo.InvariantCulture,
            t.FoundCountsFormat,
            Count(reports, t.ReportOne, t.ReportMany),
            Count(notices, t.NoticeOne, t.NoticeMany),
            Count(trainingRecords, t.TrainingRecordOne, t.TrainingRecordMany));
    }

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    private static ErasureAction Act(string verb) => verb == PrivacyVerbs.Erase ? ErasureAction.Requested : ErasureAction.Erased;

    private ErasureEntry Entry(Turn turn, StaffPerson? staff, ErasureAction what, bool allowed, string subject, string subjectName, string? detail) => new(
        time.GetUtcNow(),
        staff?.AadObjectId ?? turn.MemberId,
        staff?.Name ?? turn.User.Name ?? string.Empty,
        what,
        allowed,
        subject,
        subjectName,
        detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasure ({Verb}) refused in {OrganisationId}: the user is not security staff")]
    private partial void LogRefused(string verb, string organisationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasure refused in {OrganisationId}: the member does not belong to the organisation")]
    private partial void LogRefusedOtherOrganisation(string organisationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member data erased in {OrganisationId}: {Reports} reports anonymised, {Notices} notices, {Training} training records, {StateRows} state rows, profile {Profile}")]
    private partial void LogErased(string organisationId, int reports, int notices, int training, int stateRows, bool profile);
}
