using System.Globalization;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Members.Profile;
using Trygg.Routing;
using Trygg.Routing.Delivery;

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

        var en = turn.Language == Language.English;
        var values = turn.Action?.Verb == Send ? turn.Action.Data : new Dictionary<string, string?>();
        // The card sends back the id it was given (a GUID); anything else was not made by us and starts afresh.
        var noticeId = values.TryGetValue("notice", out var id) && Guid.TryParseExact(id, "N", out _) ? id! : Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        if (turn.Action?.Verb != Send)
        {
            replies.ShowCard(turn, Card(en, organisation, values, new Dictionary<string, string>(), noticeId));
            return;
        }

        var errors = Validate(values, organisation, now, en);
        if (errors.Count > 0)
        {
            replies.ShowCard(turn, Card(en, organisation, values, errors, noticeId));
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
        var texts = MeetingTexts.For(turn.Language);
        replies.ShowCard(turn, cards.Message(
            texts.ReceiptTitle,
            string.Format(CultureInfo.InvariantCulture, texts.ReceiptReferenceFormat, notice.Reference) + " "
                + string.Format(CultureInfo.InvariantCulture, texts.ReceiptContactFormat, organisation.SecurityUnitName)));
    }

    private static Dictionary<string, string> Validate(IReadOnlyDictionary<string, string?> values, Organisation organisation, DateTimeOffset now, bool en)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var when = ReportForm.OccurredAt(values);
        if (when is null || ReportForm.Get(values, "time").Length == 0)
        {
            errors["date"] = en ? "Enter a date and a time." : "Ange datum och klockslag.";
        }
        else if (when < now)
        {
            errors["date"] = en ? "The meeting should be ahead of us." : "Mötet ska ligga framåt i tiden.";
        }

        if (organisation.FindBody(ReportForm.Get(values, "body")) is null)
        {
            errors["body"] = en ? "Choose an option." : "Välj ett alternativ.";
        }

        if (string.IsNullOrWhiteSpace(ReportForm.Get(values, "topic")))
        {
            errors["topic"] = en ? "Write the topic in a few words." : "Skriv ämnet med några ord.";
        }

        if (string.IsNullOrWhiteSpace(ReportForm.Get(values, "reason")))
        {
            errors["reason"] = en ? "Tell briefly why." : "Berätta kort varför.";
        }

        // The card's own limits; only a forged client sends more, and more would not fit in storage.
        foreach (var (field, max) in MaxLengths)
        {
            if (ReportForm.Get(values, field).Length > max)
            {
                errors[field] = en ? $"Please keep it under {max} characters." : $"Håll det under {max} tecken.";
            }
        }

        return errors;
    }

    /// <summary>The maxLength of each text input on the card (Meeting.json).</summary>
    private static readonly (string Field, int Max)[] MaxLengths = [("topic", 300), ("reason", 1000), ("audience", 300)];

    private AdaptiveCard Card(bool en, Organisation organisation, IReadOnlyDictionary<string, string?> v, Dictionary<string, string> errors, string noticeId)
    {
        string Err(string f) => errors.TryGetValue(f, out var e) ? e : string.Empty;
        string Val(string f) => ReportForm.Get(v, f);
        return renderer.Render(MeetingCard.Template, new MeetingCard(
            en ? "Tell us about a meeting ahead" : "Berätta om ett möte i förväg",
            en ? "The security unit wants to know in good time about meetings or decisions that may provoke strong reactions."
               : "Säkerhetsenheten vill veta i god tid om möten eller beslut som kan väcka starka reaktioner.",
            errors.Count > 0 ? (en ? "Something needs fixing. See below." : "Något behöver rättas. Se nedan.") : string.Empty,
            new FieldData(en ? "Date" : "Datum", Val("date"), Err("date"), []),
            new FieldData(en ? "Time" : "Klockslag", Val("time"), string.Empty, []),
            new FieldData(en ? "Which body?" : "Vilket organ?", Val("body"), Err("body"), [.. organisation.Bodies.Select(b => new Choice(b.Name, b.Id))]),
            new FieldData(en ? "Topic" : "Ämne", Val("topic"), Err("topic"), []),
            new FieldData(en ? "Why may it provoke strong reactions?" : "Varför kan det väcka starka reaktioner?", Val("reason"), Err("reason"), []),
            new FieldData(en ? "Expected audience" : "Väntad publik", Val("audience"), Err("audience"), [], en ? "e.g. 50 people, media" : "t.ex. 50 personer, media"),
            en ? "Send" : "Skicka",
            noticeId));
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting notice {Reference} stored in {OrganisationId}, queued for the security channel")]
    private partial void LogNotice(string reference, string organisationId);
}
