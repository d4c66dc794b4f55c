using System.Globalization;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Members.Profile;
using Trygg.Cases.Delivery;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Texts;

namespace Trygg.Reporting;

internal sealed record MeetingCard(
    string Title, string Intro, string Message,
    FieldData Date, FieldData Time, FieldData Body, FieldData Topic, FieldData Reason, FieldData Audience,
    string Send, string NoticeId)
{
    public const string Template = "Reporting/Meeting";
}

/// <summary>
/// A sensitive-meeting notice: the member tells the security unit ahead of a meeting or decision that may provoke
/// strong reactions. One short card; sending is idempotent per card (its notice id). The notice is stored with an outbox
/// row in one transaction, and <see cref="MeetingNoticeDelivery"/> posts it to the security channel.
/// </summary>
internal sealed partial class MeetingActions(
    ICardRenderer renderer,
    ReportCards cards,
    IMemberProfiles profiles,
    IOrganisationDirectory organisations,
    TableMeetingNoticeStore notices,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<MeetingActions> logger) : ICardActionHandler
{
    public const string Start = "meeting.start";
    public const string Send = "meeting.send";
    private const string ReferencePrefix = "MOT";

    public IReadOnlyCollection<string> Verbs { get; } = [Start, Send];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var profile = await profiles.GetAsync(turn, cancellationToken);
        var organisation = profile is null ? null : organisations.Find(profile.OrganisationId);
        if (profile is null || organisation is null)
        {
            replies.ContinueWith(ProfileVerbs.Show, new Dictionary<string, string?> { [ProfileData.Next] = Start });
            return;
        }

        var texts = MeetingTexts.For(turn.Language);
        var values = turn.Action?.Verb == Send ? turn.Action.Data : new Dictionary<string, string?>();
        // The card sends back the id it was given (a GUID); anything else was not made by us and starts afresh.
        var noticeId = values.TryGetValue("notice", out var id) && Guid.TryParseExact(id, "N", out _) ? id! : Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        if (turn.Action?.Verb != Send)
        {
            replies.ShowCard(turn, Card(texts, organisation, values, new Dictionary<string, string>(), noticeId));
            return;
        }

        var errors = Validate(values, organisation, now, texts);
        if (errors.Count > 0)
        {
            replies.ShowCard(turn, Card(texts, organisation, values, errors, noticeId));
            return;
        }

        var meetingAt = ReportForm.OccurredAt(values)!.Value;
        var reporterId = profiles.KeyOf(turn).UserId;
        var (notice, created) = await notices.SubmitAsync(
            turn.TenantId,
            organisation.Id,
            ReferencePrefix,
            TimeZoneInfo.ConvertTime(now, ReportForm.Stockholm).Year,
            // The notice id comes back from the card, so anyone can send any id: the submission is the member's own.
            submissionId: reporterId + "|" + noticeId,
            reference => new MeetingNotice(
                reference, organisation.Id, turn.TenantId, reporterId, profile.Name, now, meetingAt,
                ReportForm.Get(values, "body"), ReportForm.Get(values, "topic").Trim(), ReportForm.Get(values, "reason").Trim(),
                ReportForm.Get(values, "audience").Trim()),
            // The notice and its post to the security channel exist together or not at all; the dispatcher delivers it.
            (stored, partitionKey) => [OutboxRows.ForMeetingNotice(stored.TenantId, stored.OrganisationId, stored.Reference, partitionKey, now)],
            cancellationToken);
        if (created)
        {
            LogNotice(notice.Reference, organisation.Id);
            signal.Nudge();
        }

        // Not "has been told": the channel post goes out a moment later, and only the dispatcher knows when.
        replies.ShowCard(turn, cards.Message(
            texts.ReceiptTitle,
            string.Format(CultureInfo.InvariantCulture, texts.ReceiptReferenceFormat, notice.Reference) + " "
                + string.Format(CultureInfo.InvariantCulture, texts.ReceiptContactFormat, organisation.SecurityUnitName)));
    }

    private static Dictionary<string, string> Validate(IReadOnlyDictionary<string, string?> values, Organisation organisation, DateTimeOffset now, MeetingTexts t)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var when = ReportForm.OccurredAt(values);
        if (when is null || ReportForm.Get(values, "time").Length == 0)
        {
            errors["date"] = t.ErrorDateTime;
        }
        else if (when < now)
        {
            errors["date"] = t.ErrorPast;
        }

        if (organisation.FindBody(ReportForm.Get(values, "body")) is null)
        {
            errors["body"] = t.ErrorChoose;
        }

        if (string.IsNullOrWhiteSpace(ReportForm.Get(values, "topic")))
        {
            errors["topic"] = t.ErrorTopic;
        }

        if (string.IsNullOrWhiteSpace(ReportForm.Get(values, "reason")))
        {
            errors["reason"] = t.ErrorReason;
        }

        // The card's own limits; only a forged client sends more, and more would not fit in storage.
        foreach (var (field, max) in MaxLengths)
        {
            if (ReportForm.Get(values, field).Length > max)
            {
                errors[field] = string.Format(CultureInfo.InvariantCulture, t.ErrorTooLongFormat, max);
            }
        }

        return errors;
    }

    /// <summary>The maxLength of each text input on the card (Meeting.json).</summary>
    private static readonly (string Field, int Max)[] MaxLengths = [("topic", 300), ("reason", 1000), ("audience", 300)];

    private AdaptiveCard Card(MeetingTexts t, Organisation organisation, IReadOnlyDictionary<string, string?> v, Dictionary<string, string> errors, string noticeId)
    {
        string Err(string f) => errors.TryGetValue(f, out var e) ? e : string.Empty;
        string Val(string f) => ReportForm.Get(v, f);
        return renderer.Render(MeetingCard.Template, new MeetingCard(
            t.FormTitle,
            t.FormIntro,
            errors.Count > 0 ? t.FormFixBelow : string.Empty,
            new FieldData(t.FormDate, Val("date"), Err("date"), []),
            new FieldData(t.FormTime, Val("time"), string.Empty, []),
            new FieldData(t.FormBody, Val("body"), Err("body"), [.. organisation.Bodies.Select(b => new Choice(b.Name, b.Id))]),
            new FieldData(t.FormTopic, Val("topic"), Err("topic"), []),
            new FieldData(t.FormReason, Val("reason"), Err("reason"), []),
            new FieldData(t.FormAudience, Val("audience"), Err("audience"), [], t.FormAudiencePlaceholder),
            t.FormSend,
            noticeId));
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting notice {Reference} stored in {OrganisationId}, queued for the security channel")]
    private partial void LogNotice(string reference, string organisationId);
}
