using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Organisations.Calendar;
using Trygg.Texts;

namespace Trygg.Training;

/// <summary>
/// The member's side of training: "Jag har genomfört utbildningen" and "Påminn mig om en vecka" on a reminder card,
/// and "min utbildning" for where they stand.
/// </summary>
internal sealed class TrainingActions(
    IOrganisationDirectory organisations,
    IMemberProfiles profiles,
    ITrainingRecords records,
    ICardRenderer cards,
    TimeProvider time) : ICardActionHandler
{
    public const string Done = "training.done";
    public const string Snooze = "training.snooze";

    public static readonly TimeSpan SnoozeFor = TimeSpan.FromDays(7);

    public IReadOnlyCollection<string> Verbs { get; } = [Done, Snooze, FeatureVerbs.Training];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var profile = await profiles.GetAsync(turn, cancellationToken).ConfigureAwait(false);
        var organisation = profile is null ? null : organisations.Find(profile.OrganisationId);
        if (profile is null || organisation is null)
        {
            replies.ShowText(turn, TrainingCards.NoProfile(turn.Language));
            replies.ContinueWith(FeatureVerbs.Profile);
            return;
        }

        var member = profiles.KeyOf(turn);
        var now = time.GetUtcNow();
        if (turn.Action?.Verb == FeatureVerbs.Training)
        {
            await ShowStatusAsync(turn, replies, organisation, profile, member, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var campaign = organisation.Training.FirstOrDefault(c => c.Id == turn.Action?.Get("campaign"));
        var cycleKey = turn.Action?.Get("cycle");
        if (campaign is null || campaign.Kind == CampaignKind.ElectionYear || string.IsNullOrEmpty(cycleKey))
        {
            replies.ShowText(turn, TrainingCards.Unknown(turn.Language));
            return;
        }

        var key = new TrainingRecordKey(member.TenantId, organisation.Id, campaign.Id, cycleKey, member.UserId);
        TrainingRecord Current(TrainingRecord? stored) => stored ?? TrainingRecord.New(key, profile.Name, profile.Party, profile.Role, now);
        if (turn.Action!.Verb == Done)
        {
            // Pressed twice, the first date stays; a registration by the unit stays one.
            var stored = await records.UpdateAsync(
                key,
                r => Current(r) is { Done: true } done ? done : Current(r) with { DoneAt = now, Source = CompletionSource.SelfReported },
                cancellationToken).ConfigureAwait(false);
            replies.ShowText(turn, TrainingCards.DoneText(campaign, LocalDate(stored!.DoneAt!.Value), turn.Language));
            return;
        }

        var until = ReminderPlanner.NextSendingMoment(now + SnoozeFor, member.UserId);
        var snoozed = await records.UpdateAsync(
            key,
            r => Current(r) is { Done: true } done ? done : Current(r) with { SnoozedUntil = until },
            cancellationToken).ConfigureAwait(false);
        replies.ShowText(turn, snoozed!.Done
            ? TrainingCards.DoneText(campaign, LocalDate(snoozed.DoneAt!.Value), turn.Language)
            : TrainingCards.SnoozedText(LocalDate(until), turn.Language));
    }

    private async Task ShowStatusAsync(
        Turn turn, TurnReplies replies, Organisation organisation, MemberProfile profile, MemberKey member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<StatusItem>();
        foreach (var campaign in organisation.Training.Where(c => c.Kind != CampaignKind.ElectionYear && ReminderPlanner.Applies(c, profile.Role)))
        {
            if (ReminderPlanner.CycleAt(campaign, now, DateTimeOffset.MinValue) is not { } cycle)
            {
                continue;
            }

            var record = await records.GetAsync(
                new TrainingRecordKey(member.TenantId, organisation.Id, campaign.Id, cycle.Key, member.UserId), cancellationToken).ConfigureAwait(false);
            var done = record?.Done == true;
            items.Add(new StatusItem(
                campaign.Name,
                TrainingCards.StatusLine(record, record is null ? cycle : ReminderPlanner.CycleAt(campaign, now, record.JoinedAt) ?? cycle, turn.Language),
                done,
                done ? string.Empty : campaign.Link?.ToString() ?? string.Empty,
                TrainingCards.OpenTitle(turn.Language),
                TrainingCards.DoneTitle(turn.Language),
                campaign.Id,
                cycle.Key));
        }

        replies.ShowCard(turn, TrainingCards.Status(cards, items, turn.Language));
    }

    private static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, OfficeCalendar.Stockholm).DateTime);
}
