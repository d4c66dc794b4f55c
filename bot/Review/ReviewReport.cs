using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Trygg.Review;

/// <summary>
/// The review as documents for the security network's meeting: a one-page HTML report (figures, charts inline,
/// definitions and the suppression rule stated) and a CSV of the anonymised rows.
/// </summary>
public static class ReviewReport
{
    public static string Html(ReviewStatistics statistics, ReviewTexts texts, string organisationName, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(texts);
        var culture = texts.Culture;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(texts.Language == Trygg.Texts.Language.English ? "en" : "sv").Append("\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(E($"{texts.Title} {statistics.Period.Label}")).Append("</title>");
        html.Append("<style>")
            .Append("body{font-family:'Segoe UI',system-ui,sans-serif;max-width:780px;margin:24px auto;padding:0 16px;color:#242424}")
            .Append("h1{font-size:22px;margin:0}h2{font-size:16px;margin:20px 0 6px}p.meta{color:#616161;margin:4px 0 16px}")
            .Append(".figures{display:flex;flex-wrap:wrap;gap:12px}.figure{border:1px solid #e0e0e0;border-radius:6px;padding:8px 12px;min-width:150px}")
            .Append(".figure b{display:block;font-size:22px}table{border-collapse:collapse;margin:4px 0}td,th{padding:2px 10px 2px 0;text-align:left}")
            .Append("td.n,th.n{text-align:right}h3{font-size:14px;margin:14px 0 2px}img{max-width:100%;height:auto}.tables{display:flex;flex-wrap:wrap;gap:24px}")
            .Append("@media print{body{margin:0}h2{break-after:avoid}}</style></head><body>");
        html.Append("<h1>").Append(E(texts.Title)).Append(' ').Append(E(statistics.Period.Label)).Append("</h1>");
        html.Append("<p class=\"meta\">").Append(E(organisationName)).Append(" · ").Append(E(statistics.Scope)).Append(" · ")
            .Append(E($"{statistics.Period.From:yyyy-MM-dd} – {statistics.Period.To:yyyy-MM-dd}")).Append(" · ")
            .Append(E(generatedAt.ToString("yyyy-MM-dd HH:mm", culture))).Append("</p>");

        html.Append("<div class=\"figures\">");
        Figure(html, texts.Total, statistics.Total.Text);
        Figure(html, texts.Escalated, statistics.Escalated.Text);
        Figure(html, texts.Median, texts.Duration(statistics.TimeToAcknowledgement.Median));
        Figure(html, texts.Percentile90, texts.Duration(statistics.TimeToAcknowledgement.Percentile90));
        foreach (var cycle in statistics.Training?.Cycles ?? [])
        {
            Figure(html, $"{cycle.CampaignName} {cycle.CycleKey}", texts.TrainingFigure(cycle.Total));
        }

        html.Append("</div>");
        Image(html, texts.ByMonthTitle, ReviewCharts.ByMonth(statistics, texts));
        Image(html, texts.ByKindTitle, ReviewCharts.ByKind(statistics, texts));
        Image(html, texts.AcknowledgementTitle, ReviewCharts.AcknowledgementByMonth(statistics, texts));

        html.Append("<div class=\"tables\">");
        Table(html, texts.ByKindTitle, statistics.ByKind, texts.KindLabel);
        Table(html, texts.ByPlace, statistics.ByPlace, texts.PlaceLabel);
        Table(html, texts.ByBody, statistics.ByBody, texts.BodyLabel);
        Table(html, texts.ByRole, statistics.ByRole, texts.RoleLabel);
        Table(html, texts.ByPolice, statistics.ByPoliceReport, texts.PoliceLabel);
        html.Append("</div>");
        if (statistics.Training is { Cycles.Count: > 0 } training)
        {
            TrainingSection(html, training, texts);
        }

        html.Append("<h2>").Append(E(texts.Definitions)).Append("</h2><ul>");
        foreach (var line in statistics.Training is { Cycles.Count: > 0 } ? [.. texts.DefinitionLines, .. texts.TrainingWords.Definitions] : texts.DefinitionLines)
        {
            html.Append("<li>").Append(E(line)).Append("</li>");
        }

        html.Append("</ul></body></html>");
        return html.ToString();
    }

    /// <summary>
    /// One line per incident in the period: month, kind, place, kind of body, role, police report, minutes to
    /// acknowledgement, escalated. No day, party, name, description or case number.
    /// </summary>
    /// <remarks>
    /// With training, a second table follows after an empty line: one line per training cycle and group (total, each
    /// party, each role) with the counts as shown, suppressed like the report ("&lt;3", "–").
    /// </remarks>
    public static string Csv(ReviewPeriod period, IEnumerable<IncidentFact> facts, TrainingCompletion? training = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(facts);
        var csv = new StringBuilder("month,kind,place,body,role,policeReport,minutesToAcknowledgement,escalated\r\n");
        foreach (var f in facts
            .Select(f => (Fact: f, Date: ReviewAggregator.LocalDate(f.OccurredAt)))
            .Where(x => period.Contains(x.Date))
            .OrderBy(x => x.Date.Year).ThenBy(x => x.Date.Month).ThenBy(x => x.Fact.Kind))
        {
            csv.Append(f.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Append(',')
                .Append(f.Fact.Kind).Append(',')
                .Append(f.Fact.Place).Append(',')
                .Append(ReviewAggregator.BodyKey(f.Fact.Body)).Append(',')
                .Append(f.Fact.Role).Append(',')
                .Append(f.Fact.PoliceReportMade ? "made" : "notMade").Append(',')
                .Append(f.Fact.TimeToAcknowledgement is { } t ? Math.Ceiling(t.TotalMinutes).ToString(CultureInfo.InvariantCulture) : string.Empty).Append(',')
                .Append(f.Fact.Escalations > 0 ? "yes" : "no").Append("\r\n");
        }

        if (training is { Cycles.Count: > 0 })
        {
            TrainingCsv(csv, training);
        }

        return csv.ToString();
    }

    /// <summary>
    /// The party's CSV: the figures only, one line per category of each breakdown, suppressed as in the report ("&lt;3",
    /// "–"). No line per incident: in a small council, a month, a kind, a body and a role together point at one person.
    /// </summary>
    public static string AggregateCsv(ReviewStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var csv = new StringBuilder("dimension,key,count\r\n");
        csv.Append("total,total,").Append(statistics.Total.Text).Append("\r\n");
        csv.Append("escalated,escalated,").Append(statistics.Escalated.Text).Append("\r\n");
        foreach (var breakdown in new[] { statistics.ByMonth, statistics.ByKind, statistics.ByPlace, statistics.ByBody, statistics.ByRole, statistics.ByPoliceReport })
        {
            foreach (var row in breakdown.Rows)
            {
                csv.Append(CsvField(breakdown.Dimension)).Append(',').Append(CsvField(row.Key)).Append(',').Append(row.Text).Append("\r\n");
            }
        }

        if (statistics.Training is { Cycles.Count: > 0 } training)
        {
            TrainingCsv(csv, training);
        }

        return csv.ToString();
    }

    private static void TrainingCsv(StringBuilder csv, TrainingCompletion training)
    {
        csv.Append("\r\ntrainingCampaign,cycle,cycleStarts,cycleEnds,group,key,inScope,done,selfReported,registeredByUnit,notDone,percentDone\r\n");
        foreach (var cycle in training.Cycles)
        {
            void Line(string group, TrainingGroup g, string self, string registered) =>
                csv.Append(CsvField(cycle.CampaignId)).Append(',').Append(CsvField(cycle.CycleKey)).Append(',')
                    .Append(cycle.Starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                    .Append(cycle.Ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                    .Append(group).Append(',').Append(CsvField(g.Key)).Append(',')
                    .Append(g.InScope.Text).Append(',').Append(g.Done.Text).Append(',').Append(self).Append(',').Append(registered).Append(',')
                    .Append(g.NotDone.Text).Append(',')
                    .Append(g.Percent?.ToString(CultureInfo.InvariantCulture) ?? (g.InScope.Count == 0 ? string.Empty : ShownCount.ComplementaryText)).Append("\r\n");

            Line("total", cycle.Total, cycle.SelfReported.Text, cycle.RegisteredByUnit.Text);
            foreach (var party in cycle.ByParty)
            {
                Line("party", party, string.Empty, string.Empty);
            }

            foreach (var role in cycle.ByRole)
            {
                Line("role", role, string.Empty, string.Empty);
            }
        }
    }

    /// <summary>A CSV field: quoted when it holds a separator, and never starting like a spreadsheet formula.</summary>
    private static string CsvField(string value)
    {
        var text = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void TrainingSection(StringBuilder html, TrainingCompletion training, ReviewTexts texts)
    {
        var words = texts.TrainingWords;
        html.Append("<section class=\"training\"><h2>").Append(E(words.Title)).Append("</h2>");
        foreach (var cycle in training.Cycles)
        {
            html.Append("<h3>").Append(E($"{cycle.CampaignName} {cycle.CycleKey}")).Append("</h3>")
                .Append("<p class=\"meta\">").Append(E($"{cycle.Starts:yyyy-MM-dd} – {cycle.Ends:yyyy-MM-dd}")).Append("</p>")
                .Append("<p class=\"training-total\">").Append(E(texts.TrainingFigure(cycle.Total)))
                .Append(E($": {words.SelfReported} {cycle.SelfReported.Text}, {words.RegisteredByUnit} {cycle.RegisteredByUnit.Text}. {words.NotDone} {cycle.Total.NotDone.Text}."))
                .Append("</p><div class=\"tables\">");
            TrainingTable(html, words.ByParty, cycle.ByParty, texts.PartyLabel, texts);
            TrainingTable(html, words.ByRole, cycle.ByRole, texts.RoleLabel, texts);
            html.Append("</div>");
        }

        html.Append("</section>");
    }

    private static void TrainingTable(StringBuilder html, string title, IReadOnlyList<TrainingGroup> groups, Func<string, string> label, ReviewTexts texts)
    {
        var words = texts.TrainingWords;
        html.Append("<section><table><tr><th>").Append(E(title)).Append("</th><th class=\"n\">").Append(E(words.InScope))
            .Append("</th><th class=\"n\">").Append(E(words.Done)).Append("</th><th class=\"n\">").Append(E(words.NotDone))
            .Append("</th><th class=\"n\">").Append(E(words.Share)).Append("</th></tr>");
        foreach (var g in groups)
        {
            html.Append("<tr><td>").Append(E(label(g.Key))).Append("</td><td class=\"n\">").Append(E(g.InScope.Text))
                .Append("</td><td class=\"n\">").Append(E(g.Done.Text)).Append("</td><td class=\"n\">").Append(E(g.NotDone.Text))
                .Append("</td><td class=\"n\">").Append(E(texts.Percent(g.Percent))).Append("</td></tr>");
        }

        html.Append("</table></section>");
    }

    // Encodes markup characters only; Swedish letters stay readable in the file.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    private static void Figure(StringBuilder html, string label, string value) =>
        html.Append("<div class=\"figure\"><b>").Append(E(value)).Append("</b>").Append(E(label)).Append("</div>");

    private static void Image(StringBuilder html, string title, byte[] png) =>
        html.Append("<p><img alt=\"").Append(E(title)).Append("\" width=\"").Append(ReviewCharts.Width)
            .Append("\" height=\"").Append(ReviewCharts.Height).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\"></p>");

    private static void Table(StringBuilder html, string title, Breakdown breakdown, Func<string, string> label)
    {
        html.Append("<section><h2>").Append(E(title)).Append("</h2><table>");
        foreach (var row in breakdown.Rows)
        {
            html.Append("<tr><td>").Append(E(label(row.Key))).Append("</td><td class=\"n\">").Append(E(row.Text)).Append("</td></tr>");
        }

        html.Append("</table></section>");
    }
}
