using Azure;
using Trygg.Cards;
using Trygg.Conversation.Languages;
using Trygg.Conversation.Proactive;
using Trygg.Members;
using Trygg.Cases.Delivery;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Cases.Rules;

namespace Trygg.Training;

/// <summary>
/// Delivers a <see cref="OutboxKind.TrainingReminder"/> row: looks again, right before sending, whether the member still
/// needs this very step (not done, not sent, not snoozed past now, inside the sending hours), sends the reminder card 1:1
/// and records the step in the member's training record. Members who never chatted with the bot are reached too: Teams'
/// "not installed" answer makes the dispatcher install the app through Graph and try again.
/// </summary>
internal sealed class TrainingReminderDelivery(
    IOrganisationDirectory organisations,
    ITrainingRecords records,
    ICardRenderer cards,
    IProactiveMessenger messenger,
    IMemberLanguage languages,
    TimeProvider time) : IOutboxHandler
{
    private const int RecordAttempts = 5;

    public OutboxKind Kind => OutboxKind.TrainingReminder;

    /// <summary>A mandate period's reminders are many and each stands alone: none waits for another.</summary>
    public bool Independent => true;

    public async Task<DeliveryOutcome> DeliverAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (organisations.Find(row.OrganisationId) is not { } organisation)
        {
            return new DeliveryOutcome.Cancelled("the organisation is no longer in the profiles");
        }

        if (organisation.Training.FirstOrDefault(c => c.Id == row.CampaignId) is not { } campaign)
        {
            return new DeliveryOutcome.Cancelled("the campaign is no longer in the profile");
        }

        var member = row.RecipientAadObjectId ?? throw new InvalidOperationException($"Reminder row {row.RowKey} names no member.");
        var key = new TrainingRecordKey(row.TenantId, organisation.Id, campaign.Id, row.CycleKey ?? string.Empty, member);
        // Role, name and joining come with the row (no profile read per reminder); "done" is read fresh.
        var record = await records.GetAsync(key, cancellationToken);
        var role = Enum.TryParse<MemberRole>(row.RecipientRole, out var r) ? r : MemberRole.Fritidspolitiker;
        var now = time.GetUtcNow();
        var joinedAt = record?.JoinedAt ?? row.MemberJoinedAt ?? DateTimeOffset.MinValue;
        var next = ReminderPlanner.Next(campaign, role, joinedAt, record?.State ?? new ReminderState(false, 0, null), now, member);
        if (next is null)
        {
            return new DeliveryOutcome.Cancelled(record?.Done == true ? "the member is done" : "no reminder is due any more");
        }

        if (next.Cycle.Key != row.CycleKey)
        {
            return new DeliveryOutcome.Cancelled("the cycle is over");
        }

        if (next.Step != row.Round)
        {
            return new DeliveryOutcome.Cancelled($"step {row.Round} is no longer the next (step {next.Step} is)");
        }

        if (next.DueAt > now)
        {
            return new DeliveryOutcome.Wait(next.DueAt - now, "not due yet (snoozed)");
        }

        if (!ReminderPlanner.IsSendingTime(now))
        {
            return new DeliveryOutcome.Wait(ReminderPlanner.NextSendingMoment(now, member) - now, "outside the sending hours");
        }

        PostedMessage sent;
        try
        {
            var language = await languages.ForAsync(row.TenantId, member, organisation.Language, cancellationToken);
            var card = TrainingCards.Reminder(cards, campaign, next.Cycle, language);
            sent = await messenger.SendToUserAsync(row.TenantId, member, card, cancellationToken);
        }
        catch (ProactiveException e)
        {
            return e.Failure switch
            {
                ProactiveFailure.Transient or ProactiveFailure.UntrustedServiceUrl => DeliveryOutcome.AfterTransient(e),
                ProactiveFailure.NotInstalled => new DeliveryOutcome.NotInstalled(e.Message, member),
                _ => new DeliveryOutcome.Failed(e.Message),
            };
        }

        await RecordStepAsync(key, row, role, next, now, cancellationToken);
        return new DeliveryOutcome.Sent(sent);
    }

    /// <summary>
    /// The step is in the record from now on, so the planner moves to the next. Storage trouble here must not turn a sent
    /// reminder into a retry (a second message): after a few tries the row is still marked sent and the scheduler
    /// catches the record up from it.
    /// </summary>
    private async Task RecordStepAsync(
        TrainingRecordKey key, OutboxEntity row, MemberRole role, PlannedReminder next, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await records.UpdateAsync(
                    key,
                    r =>
                    {
                        var current = r ?? TrainingRecord.New(key, row.RecipientName ?? string.Empty, row.MemberParty, role, next.Cycle.Opens);
                        return current with
                        {
                            RemindersSent = Math.Max(current.RemindersSent, next.Step + 1),
                            LastRemindedAt = now,
                            SnoozedUntil = null,
                        };
                    },
                    cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < RecordAttempts && e is RequestFailedException or AggregateException or Storage.StorageConcurrencyException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), TimeProvider.System, cancellationToken);
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or Storage.StorageConcurrencyException)
            {
                return;
            }
        }
    }
}
