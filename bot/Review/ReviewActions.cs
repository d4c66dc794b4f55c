using System.Globalization;
using System.Text;
using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Languages;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Storage.Documents;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Review;

/// <summary>
/// "årsrapport 2026" (or a range): the annual review for the security unit, in its channel, over all incidents;
/// for a party's security officer, over their own party's incidents only (never one whose member said the party should
/// not be told) and as suppressed figures only, with no line per incident. Anyone else gets nothing but a polite no.
/// </summary>
internal sealed class ReviewActions(
    IOrganisationDirectory organisations,
    IMemberProfiles profiles,
    IReviewFacts facts,
    ITrainingReviewFacts training,
    ISharedDocuments documents,
    PrivateFileSender files,
    ISecurityChannelStore channels,
    ICardRenderer cards,
    TimeProvider time) : ICardActionHandler
{
    /// <summary>How long the chart links work (images of counts only; the report and data go to the asker's own chat).</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    private const int CardChartWidth = 560;
    private const int CardChartHeight = 280;

    public IReadOnlyCollection<string> Verbs { get; } = [FeatureVerbs.AnnualReview];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var say = ReviewMessages.For(turn.Language);
        var now = time.GetUtcNow();
        var argument = turn.Action?.Get(Commands.ArgumentKey);
        var period = string.IsNullOrWhiteSpace(argument)
            ? ReviewPeriod.Year(ReviewAggregator.LocalDate(now).Year)
            : ReviewPeriod.TryParse(argument);
        if (period is null)
        {
            replies.SendText(say.BadPeriod);
            return;
        }

        var (access, staffElsewhere) = await AccessAsync(turn, cancellationToken).ConfigureAwait(false);
        if (access is null)
        {
            replies.SendText(staffElsewhere ? say.AskInChannel : say.NotAllowed);
            return;
        }

        var (organisation, party) = access.Value;
        var texts = ReviewTexts.For(turn.Language);
        var loaded = await facts.LoadAsync(organisation, turn.TenantId, period, party, cancellationToken).ConfigureAwait(false);
        var scope = party ?? say.AllParties;
        var cycles = await training.LoadAsync(organisation, turn.TenantId, period, party, ReviewAggregator.LocalDate(now), cancellationToken).ConfigureAwait(false);
        var statistics = ReviewAggregator.Aggregate(period, scope, loaded, cycles);

        var html = ReviewReport.Html(statistics, texts, organisation.Name, now);
        var fileStem = string.Create(CultureInfo.InvariantCulture, $"trygg-{organisation.Id}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}");
        var csv = party is null ? ReviewReport.Csv(period, loaded, statistics.Training) : ReviewReport.AggregateCsv(statistics);

        var figures = new List<ReviewFigure>
        {
            new(texts.Total, statistics.Total.Text),
            new(texts.Escalated, statistics.Escalated.Text),
            new(texts.Median, texts.Duration(statistics.TimeToAcknowledgement.Median)),
            new(texts.Percentile90, texts.Duration(statistics.TimeToAcknowledgement.Percentile90)),
            new(texts.PoliceMade, statistics.ByPoliceReport.Rows.Single(r => r.Key == "Made").Text),
        };
        figures.AddRange((statistics.Training?.Cycles ?? []).Select(c => new ReviewFigure($"{c.CampaignName} {c.CycleKey}", texts.TrainingFigure(c.Total))));

        var card = new AnnualReviewCard(
            $"{say.CardTitle} {period.Label}",
            $"{organisation.Name} · {scope} · {period.From:yyyy-MM-dd} – {period.To:yyyy-MM-dd}",
            figures,
            [
                new(await ShareChartAsync(fileStem + "-month.png", ReviewCharts.ByMonth(statistics, texts, CardChartWidth, CardChartHeight), cancellationToken).ConfigureAwait(false), texts.ByMonthTitle),
                new(await ShareChartAsync(fileStem + "-kind.png", ReviewCharts.ByKind(statistics, texts, CardChartWidth, CardChartHeight), cancellationToken).ConfigureAwait(false), texts.ByKindTitle),
            ],
            say.Note);
        replies.SendCard(cards.Render(AnnualReviewCard.Template, card));

        // The report and its data go to the asker's own chat, never as a link (see PrivateFileSender).
        var title = $"{say.CardTitle} {period.Label}";
        var sent = await files.SendAsync(turn, organisation.Id, fileStem + ".html", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), $"{title}: {say.ReportLabel}", cancellationToken).ConfigureAwait(false)
            && await files.SendAsync(turn, organisation.Id, fileStem + ".csv", "text/csv; charset=utf-8", Encoding.UTF8.GetBytes(csv), $"{title}: {say.CsvLabel}", cancellationToken).ConfigureAwait(false);
        replies.SendText(sent ? say.FilesSent : say.FilesNotSent);
    }

    /// <summary>
    /// Who may see what: security staff see the whole organisation, only in that organisation's registered security
    /// channel (so staff of another organisation cannot put their figures in this one's channel); a party's security
    /// officer sees their party. When someone serves several organisations, their own member profile decides, else the
    /// first. <c>StaffElsewhere</c>: security staff who asked outside their channel, and are told where to ask.
    /// </summary>
    private async Task<((Organisation Organisation, string? Party)? Access, bool StaffElsewhere)> AccessAsync(Turn turn, CancellationToken cancellationToken)
    {
        var id = turn.User.AadObjectId;
        if (string.IsNullOrEmpty(id))
        {
            return (null, false);
        }

        var staffElsewhere = false;
        var candidates = new List<(Organisation Organisation, string? Party)>();
        foreach (var organisation in organisations.All)
        {
            if (organisation.Routing is not { } routing)
            {
                continue;
            }

            var staff = routing.SecurityStaff.Any(p => Same(p.AadObjectId, id));
            var party = routing.PartySecurity.FirstOrDefault(ps => ps.Officers.Any(o => Same(o.AadObjectId, id)))?.Party;
            if (staff && await channels.IsSecurityChannelAsync(turn, organisation.Id, cancellationToken).ConfigureAwait(false))
            {
                candidates.Add((organisation, null));
            }
            else if (party is not null)
            {
                candidates.Add((organisation, party));
            }
            else if (staff)
            {
                staffElsewhere = true;
            }
        }

        if (candidates.Count <= 1)
        {
            return (candidates.Count == 0 ? null : candidates[0], staffElsewhere);
        }

        var own = (await profiles.GetAsync(turn, cancellationToken).ConfigureAwait(false))?.OrganisationId;
        return (candidates.FirstOrDefault(c => c.Organisation.Id == own) is { Organisation: not null } mine ? mine : candidates[0], staffElsewhere);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Charts travel as links to the bot, not inline: two inline PNGs would take a card past 40 KB, and Teams limits a
    /// message's size. They show anonymised counts only, like the report.
    /// </summary>
    private async Task<string> ShareChartAsync(string fileName, byte[] png, CancellationToken cancellationToken) =>
        (await documents.ShareAsync(fileName, "image/png", png, LinkLifetime, cancellationToken).ConfigureAwait(false)).ToString();
}

internal sealed record ReviewMessages(
    string CardTitle,
    string AllParties,
    string Note,
    string ReportLabel,
    string CsvLabel,
    string BadPeriod,
    string NotAllowed,
    string AskInChannel,
    string FilesSent,
    string FilesNotSent)
{
    public static ReviewMessages For(Language language) => LocalizedTexts.For<ReviewMessages>(language);
}
