using System.Globalization;
using System.Text;
using ScottPlot;
using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Routing;
using Trygg.Routing.Delivery;
using Trygg.Storage.Documents;

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
        var en = turn.Language == Language.English;
        var own = (await memberProfiles.GetAsync(turn, cancellationToken).ConfigureAwait(false))?.OrganisationId;
        var organisation = StaffAccess.StaffOrganisation(organisations, turn.User.AadObjectId, own);
        if (organisation is null)
        {
            replies.SendText(en
                ? "Training status is for the security unit. Write \"my training\" to see your own."
                : "Utbildningsstatusen är till för säkerhetsenheten. Skriv \"min utbildning\" så ser du din egen.");
            return;
        }

        // Names of members are shown only in the organisation's own registered security channel, never in another channel.
        if (!await channels.IsSecurityChannelAsync(turn, organisation.Id, cancellationToken).ConfigureAwait(false))
        {
            replies.SendText(en
                ? "Training status names members, so it is shown in the security channel only. Write it there."
                : "Utbildningsstatusen visar namn, så den visas bara i säkerhetskanalen. Skriv det där.");
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
            en ? $"Training status, {organisation.Name}" : $"Utbildningsstatus, {organisation.Name}",
            en ? "No training is running right now." : "Inga utbildningar pågår just nu.",
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
            en ? $"Training status, {organisation.Name} (names)" : $"Utbildningsstatus, {organisation.Name} (med namn)",
            cancellationToken).ConfigureAwait(false);
        replies.SendText(sent
            ? (en
                ? "The list with names (CSV) is sent to your own chat with Trygg. Press Allow there and it is saved in your OneDrive."
                : "Listan med namn (CSV) skickas till din egen chatt med Trygg. Tryck Tillåt där, så sparas den i din OneDrive.")
            : (en
                ? "I could not send the list to your own chat with Trygg. Open Trygg in Teams, write something there, then try again."
                : "Jag kunde inte skicka listan till din egen chatt med Trygg. Öppna Trygg i Teams, skriv något där och försök sedan igen."));
    }

    private async Task<UnitCampaign> SummariseAsync(
        TrainingCampaign campaign, CampaignCycle cycle, List<(string Name, string Party, MemberRole Role, TrainingRecord? Done)> required, Language language, CancellationToken cancellationToken)
    {
        var en = language == Language.English;
        var done = required.Count(r => r.Done?.Done == true);
        var percent = required.Count == 0 ? 0 : (int)Math.Round(100.0 * done / required.Count);
        var summary = en
            ? $"{done} of {required.Count} done ({percent} %). Deadline {TrainingCards.Date(cycle.Deadline, language)}."
            : $"{done} av {required.Count} klara ({percent} %). Senast {TrainingCards.Date(cycle.Deadline, language)}.";
        var byParty = required.GroupBy(r => r.Party).OrderBy(g => g.Key, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), true))
            .Select(g => (Label: g.Key, Done: g.Count(r => r.Done?.Done == true), Total: g.Count())).ToList();
        var byRole = required.GroupBy(r => r.Role).OrderBy(g => g.Key)
            .Select(g => (Label: RoleLabel(g.Key, language), Done: g.Count(r => r.Done?.Done == true), Total: g.Count())).ToList();
        var rows = byParty.Concat(byRole).Select(x => new UnitRow(x.Label, en ? $"{x.Done} of {x.Total}" : $"{x.Done} av {x.Total}")).ToList();
        var missing = required.Where(r => r.Role == MemberRole.SarskiltArvoderad && r.Done?.Done != true).Select(r => $"{r.Name} ({r.Party})").Order().ToList();
        var missingText = missing.Count == 0 ? null
            : (en ? "Full-time officials not yet done: " : "Särskilt arvoderade som inte är klara: ") + string.Join(", ", missing);
        string? chart = null;
        if (byParty.Count > 0)
        {
            var png = Chart(byParty, en ? "Share done by party" : "Andel klara per parti");
            chart = (await documents.ShareAsync($"trygg-utbildning-{campaign.Id}.png", "image/png", png, ReviewLinkLifetime, cancellationToken).ConfigureAwait(false)).ToString();
        }

        return new UnitCampaign($"{campaign.Name} ({cycle.Key})", summary, rows, chart, en ? "Share done by party" : "Andel klara per parti", missingText);
    }

    private static readonly TimeSpan ReviewLinkLifetime = TimeSpan.FromDays(7);

    private async Task RegisterAsync(
        Turn turn, TurnReplies replies, Organisation organisation, List<(MemberKey Key, MemberProfile Profile)> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var en = turn.Language == Language.English;
        var who = turn.Action?.Get(Commands.ArgumentKey)?.Trim();
        var campaign = organisation.Training.FirstOrDefault(c => c.Kind == CampaignKind.MandatePeriod);
        if (string.IsNullOrEmpty(who) || campaign is null || ReminderPlanner.CycleAt(campaign, now, DateTimeOffset.MinValue) is not { } cycle)
        {
            replies.SendText(en
                ? "Write \"register training\" and the member's name or e-mail, e.g. \"register training Anna Andersson\"."
                : "Skriv \"registrera utbildning\" och ledamotens namn eller e-post, till exempel \"registrera utbildning Anna Andersson\".");
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
                ? (en ? $"I found no member called \"{who}\" in {organisation.Name}." : $"Jag hittar ingen ledamot som heter \"{who}\" i {organisation.Name}.")
                : (en ? "Several members match; write the full name or e-mail: " : "Flera ledamöter passar; skriv hela namnet eller e-postadressen: ")
                    + string.Join(", ", matches.Select(m => m.Profile.Name).Order().Take(10)));
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
        var day = TrainingCards.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(stored!.DoneAt!.Value, Routing.Calendar.OfficeCalendar.Stockholm).DateTime), turn.Language);
        replies.SendPlainText(en
            ? $"Registered: {profile.Name} has done \"{campaign.Name}\" ({day})."
            : $"Registrerat: {profile.Name} har genomfört \"{campaign.Name}\" ({day}).");
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

    private static string RoleLabel(MemberRole role, Language language) => (role, language) switch
    {
        (MemberRole.SarskiltArvoderad, Language.English) => "Full-time officials",
        (MemberRole.SarskiltArvoderad, _) => "Särskilt arvoderade",
        (_, Language.English) => "Leisure politicians",
        _ => "Fritidspolitiker",
    };

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
