using System.Globalization;
using System.Text;
using ScottPlot;
using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Storage.Documents;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Training;

internal sealed record UnitRow(string Label, string Value);

internal sealed record UnitCampaign(string Name, string Summary, IReadOnlyList<UnitRow> Rows, string? Chart, string ChartAlt, string? Missing);

internal sealed record UnitStatusCard(string Title, string Empty, IReadOnlyList<UnitCampaign> Campaigns)
{
    public const string Template = "Training/UnitStatus";
}

/// <summary>
/// The security unit's side of training, in its channel: "utbildningsstatus" (completion by party and role, a chart,
/// the särskilt arvoderade not yet done, a CSV export) and "registrera utbildning &lt;namn&gt;" (attendance the unit
/// registers, e.g. after a classroom session).
/// </summary>
internal sealed class TrainingUnitActions(
    IOrganisationDirectory organisations,
    IMemberProfileStore profiles,
    IMemberProfiles memberProfiles,
    ITrainingRecords records,
    ISharedDocuments documents,
    PrivateFileSender files,
    ISecurityChannelStore channels,
    ICardRenderer cards,
    TimeProvider time) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [FeatureVerbs.TrainingStatus, FeatureVerbs.RegisterTraining];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var t = TrainingTexts.For(turn.Language);
        var own = (await memberProfiles.GetAsync(turn, cancellationToken).ConfigureAwait(false))?.OrganisationId;
        var organisation = StaffAccess.StaffOrganisation(organisations, turn.User.AadObjectId, own);
        if (organisation is null)
        {
            // A member who writes "training status" in their own chat means their own: the card of "min utbildning".
            if (turn.Scope == ConversationScope.Personal && turn.Action?.Verb == FeatureVerbs.TrainingStatus)
            {
                replies.ContinueWith(FeatureVerbs.Training);
                return;
            }

            replies.SendText(t.UnitForStaffOnly);
            return;
        }

        // Names of members are shown only in the organisation's own registered security channel, never in another channel.
        if (!await channels.IsSecurityChannelAsync(turn, organisation.Id, cancellationToken).ConfigureAwait(false))
        {
            replies.SendText(t.UnitInChannelOnly);
            return;
        }

        var now = time.GetUtcNow();
        var members = (await profiles.ListAsync(organisation.Id, cancellationToken).ConfigureAwait(false))
            .Where(m => m.Key.TenantId == turn.TenantId)
            .ToList();
        if (turn.Action?.Verb == FeatureVerbs.RegisterTraining)
        {
            await RegisterAsync(turn, replies, organisation, members, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var campaigns = new List<UnitCampaign>();
        var csv = new StringBuilder("campaign,cycle,name,party,role,status,doneAt,source\r\n");
        foreach (var campaign in organisation.Training.Where(c => c.Kind != CampaignKind.ElectionYear))
        {
            if (ReminderPlanner.CycleAt(campaign, now, DateTimeOffset.MinValue) is not { } cycle)
            {
                continue;
            }

            var stored = (await records.ListAsync(turn.TenantId, organisation.Id, campaign.Id, cycle.Key, cancellationToken).ConfigureAwait(false))
                .ToDictionary(r => r.Key.MemberId, StringComparer.Ordinal);
            var required = members
                .Where(m => ReminderPlanner.Applies(campaign, m.Profile.Role))
                .Select(m => (m.Profile.Name, m.Profile.Party, m.Profile.Role, Done: stored.GetValueOrDefault(m.Key.UserId)))
                .ToList();
            campaigns.Add(await SummariseAsync(campaign, cycle, required, turn.Language, cancellationToken).ConfigureAwait(false));
            foreach (var r in required)
            {
                csv.Append(Csv(campaign.Id)).Append(',').Append(Csv(cycle.Key)).Append(',').Append(Csv(r.Name)).Append(',').Append(Csv(r.Party)).Append(',')
                    .Append(r.Role).Append(',').Append(r.Done?.Done == true ? "done" : "notDone").Append(',')
                    .Append(r.Done?.DoneAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                    .Append(r.Done?.Source?.ToString()).Append("\r\n");
            }
        }

        replies.SendCard(cards.Render(UnitStatusCard.Template, new UnitStatusCard(
            TrainingCards.Format(t.UnitTitleFormat, organisation.Name),
            t.UnitEmpty,
            campaigns)));
        if (campaigns.Count == 0)
        {
            return;
        }

        // The list names members: it goes to the asker's own chat, never as a link (see PrivateFileSender).
        var sent = await files.SendAsync(
            turn,
            organisation.Id,
            $"trygg-utbildning-{organisation.Id}.csv",
            "text/csv; charset=utf-8",
            Encoding.UTF8.GetBytes(csv.ToString()),
            TrainingCards.Format(t.UnitFileTitleFormat, organisation.Name),
            cancellationToken).ConfigureAwait(false);
        replies.SendText(sent ? t.UnitFileSent : t.UnitFileNotSent);
    }

    private async Task<UnitCampaign> SummariseAsync(
        TrainingCampaign campaign, CampaignCycle cycle, List<(string Name, string Party, MemberRole Role, TrainingRecord? Done)> required, Language language, CancellationToken cancellationToken)
    {
        var t = TrainingTexts.For(language);
        var done = required.Count(r => r.Done?.Done == true);
        var percent = required.Count == 0 ? 0 : (int)Math.Round(100.0 * done / required.Count);
        var summary = TrainingCards.Format(t.UnitSummaryFormat, done, required.Count, percent, TrainingCards.Date(cycle.Deadline, language));
        var byParty = required.GroupBy(r => r.Party).OrderBy(g => g.Key, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), true))
            .Select(g => (Label: g.Key, Done: g.Count(r => r.Done?.Done == true), Total: g.Count())).ToList();
        var byRole = required.GroupBy(r => r.Role).OrderBy(g => g.Key)
            .Select(g => (Label: g.Key == MemberRole.SarskiltArvoderad ? t.UnitRoleFullTime : t.UnitRoleLeisure, Done: g.Count(r => r.Done?.Done == true), Total: g.Count())).ToList();
        var rows = byParty.Concat(byRole).Select(x => new UnitRow(x.Label, TrainingCards.Format(t.UnitRowFormat, x.Done, x.Total))).ToList();
        var missing = required.Where(r => r.Role == MemberRole.SarskiltArvoderad && r.Done?.Done != true).Select(r => $"{r.Name} ({r.Party})").Order().ToList();
        var missingText = missing.Count == 0 ? null
            : TrainingCards.Format(t.UnitFullTimeNotDoneFormat, string.Join(", ", missing));
        string? chart = null;
        if (byParty.Count > 0)
        {
            var png = Chart(byParty, t.UnitChartTitle);
            chart = (await documents.ShareAsync($"trygg-utbildning-{campaign.Id}.png", "image/png", png, ReviewLinkLifetime, cancellationToken).ConfigureAwait(false)).ToString();
        }

        return new UnitCampaign($"{campaign.Name} ({cycle.Key})", summary, rows, chart, t.UnitChartTitle, missingText);
    }

    private static readonly TimeSpan ReviewLinkLifetime = TimeSpan.FromDays(7);

    private async Task RegisterAsync(
        Turn turn, TurnReplies replies, Organisation organisation, List<(MemberKey Key, MemberProfile Profile)> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var t = TrainingTexts.For(turn.Language);
        var who = turn.Action?.Get(Commands.ArgumentKey)?.Trim();
        var campaign = organisation.Training.FirstOrDefault(c => c.Kind == CampaignKind.MandatePeriod);
        if (string.IsNullOrEmpty(who) || campaign is null || ReminderPlanner.CycleAt(campaign, now, DateTimeOffset.MinValue) is not { } cycle)
        {
            replies.SendText(t.RegisterHow);
            return;
        }

        var matches = members.Where(m =>
                string.Equals(m.Profile.Name, who, StringComparison.OrdinalIgnoreCase)
                || string.Equals(m.Profile.Email, who, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (matches.Count == 0)
        {
            matches = [.. members.Where(m => m.Profile.Name.Contains(who, StringComparison.OrdinalIgnoreCase))];
        }

        if (matches.Count != 1)
        {
            replies.SendPlainText(matches.Count == 0
                ? TrainingCards.Format(t.RegisterNoMatchFormat, who, organisation.Name)
                : TrainingCards.Format(t.RegisterSeveralFormat, string.Join(", ", matches.Select(m => m.Profile.Name).Order().Take(10))));
            return;
        }

        var (key, profile) = matches[0];
        var recordKey = new TrainingRecordKey(key.TenantId, organisation.Id, campaign.Id, cycle.Key, key.UserId);
        var staffName = turn.User.Name ?? turn.User.AadObjectId ?? "?";
        TrainingRecord Current(TrainingRecord? r) => r ?? TrainingRecord.New(recordKey, profile.Name, profile.Party, profile.Role, now);
        var stored = await records.UpdateAsync(
            recordKey,
            r => Current(r) is { Done: true } done ? done : Current(r) with { DoneAt = now, Source = CompletionSource.RegisteredByUnit, RegisteredBy = staffName },
            cancellationToken).ConfigureAwait(false);
        var day = TrainingCards.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(stored!.DoneAt!.Value, Trygg.Organisations.Calendar.OfficeCalendar.Stockholm).DateTime), turn.Language);
        replies.SendPlainText(TrainingCards.Format(t.RegisteredFormat, profile.Name, campaign.Name, day));
    }

    /// <summary>The training chart's value axis: whole quarters up to 100 %, never beyond.</summary>
    internal static readonly double[] PercentTicks = [0, 25, 50, 75, 100];

    internal static byte[] Chart(List<(string Label, int Done, int Total)> byParty, string title)
    {
        var plot = new Plot();
        plot.Title(title, size: 15);
        var bars = byParty.Select((p, i) => new Bar
        {
            Position = byParty.Count - 1 - i,
            Value = p.Total == 0 ? 0 : 100.0 * p.Done / p.Total,
            FillColor = Color.FromHex("#4F6BED"),
            LineWidth = 0,
            Label = $"{p.Done}/{p.Total}",
        }).ToList();
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plot.Axes.Left.SetTicks([.. byParty.Select((_, i) => (double)(byParty.Count - 1 - i))], [.. byParty.Select(p => p.Label)]);
        // Room after 100 % for the "done/total" labels, but the axis itself stops at 100 %.
        plot.Axes.SetLimitsX(0, 115);
        plot.Axes.SetLimitsY(-0.6, byParty.Count - 0.4);
        plot.Axes.Bottom.SetTicks([.. PercentTicks], [.. PercentTicks.Select(p => $"{p} %")]);

        // An empty right panel keeps the last tick label ("100 %") from being cut at the edge.
        plot.Axes.Right.SetTicks([], []);
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Right.MinimumSize = 28;
        return plot.GetImageBytes(560, Math.Max(200, 60 + (32 * byParty.Count)), ImageFormat.Png);
    }

    /// <summary>A CSV field: quoted when it holds a separator, and never starting like a spreadsheet formula.</summary>
    private static string Csv(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
