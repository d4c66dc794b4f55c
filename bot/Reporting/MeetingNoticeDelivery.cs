using System.Globalization;
using Microsoft.Extensions.Options;
using Trygg.Cards;
using Trygg.Conversation.Proactive;
using Trygg.Cases;
using Trygg.Cases.Delivery;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Reporting;

/// <summary>
/// Delivers a <see cref="OutboxKind.MeetingNoticeToChannel"/> row: the notice as a new thread in the organisation's
/// registered security channel, rendered from the stored notice when it goes out. Before this, a notice was stored and
/// the member told it was sent, but nothing ever posted it.
/// </summary>
internal sealed class MeetingNoticeDelivery(
    IOrganisationDirectory organisations,
    TableMeetingNoticeStore notices,
    ISecurityChannelStore channels,
    ICardRenderer renderer,
    IProactiveMessenger messenger,
    IOptions<DeliveryOptions> options) : IOutboxHandler
{
    public OutboxKind Kind => OutboxKind.MeetingNoticeToChannel;

    public async Task<DeliveryOutcome> DeliverAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (organisations.Find(row.OrganisationId) is not { } organisation)
        {
            return new DeliveryOutcome.Failed("the organisation is no longer in the profiles");
        }

        if (await notices.GetAsync(row.TenantId, row.OrganisationId, row.CaseNumber, cancellationToken) is not { } notice)
        {
            // Erased (by the member or the retention job) before it went out.
            return new DeliveryOutcome.Cancelled("the notice no longer exists");
        }

        if (await channels.GetAsync(row.TenantId, row.OrganisationId, cancellationToken) is not { } channel)
        {
            return new DeliveryOutcome.Wait(options.Value.ChannelWait, "no security channel registered yet");
        }

        try
        {
            return new DeliveryOutcome.Sent(await messenger.PostToChannelAsync(row.TenantId, channel.ChannelId, Card(notice, organisation), cancellationToken));
        }
        catch (ProactiveException e)
        {
            return e.Failure switch
            {
                ProactiveFailure.Transient or ProactiveFailure.UntrustedServiceUrl => DeliveryOutcome.AfterTransient(e),
                ProactiveFailure.NotInstalled => new DeliveryOutcome.Retry(e.Message),
                _ => new DeliveryOutcome.Failed(e.Message),
            };
        }
    }

    /// <summary>The channel's card: the notice as the member wrote it, for the security unit that asked to know.</summary>
    internal AdaptiveCard Card(MeetingNotice notice, Organisation organisation)
    {
        var t = MeetingTexts.For(CaseTexts.LanguageOf(organisation));
        var when = TimeZoneInfo.ConvertTime(notice.MeetingAt, ReportForm.Stockholm).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        // What the member typed goes into TextRuns, which Teams never renders as markdown: a topic cannot become a link.
        List<Fact> facts =
        [
            new(t.Reference, notice.Reference),
            new(t.When, when),
            new(t.Body, organisation.FindBody(notice.Body)?.Name ?? notice.Body),
            new(t.Topic, notice.Topic),
            new(t.Reason, notice.Reason),
        ];
        if (!string.IsNullOrWhiteSpace(notice.ExpectedAudience))
        {
            facts.Add(new(t.Audience, notice.ExpectedAudience));
        }

        facts.Add(new(t.From, notice.ReporterName));
        return renderer.Render(MeetingNoticeChannelCard.Template, new MeetingNoticeChannelCard(t.ChannelTitle, t.ChannelIntro, facts));
    }
}

/// <summary>The security channel's card for a meeting notice: labels in bold, the member's words as plain text.</summary>
internal sealed record MeetingNoticeChannelCard(string Title, string Intro, IReadOnlyList<Fact> Facts)
{
    public const string Template = "Reporting/MeetingNoticeChannel";
}
