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
        html.Append("<!DOCTYPE html><html lang=\"").Append(texts.Language == Conversation.Turns.Language.English ? "en" : "sv").Append("\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(E($"{texts.Title} {statistics.Period.Label}")).Append("</title>");
        html.Append("<style>")
            .Append("body{font-family:'Segoe UI',system-ui,sans-serif;max-width:780px;margin:24px auto;padding:0 16px;color:#242424}")
            .Append("h1{font-size:22px;margin:0}h2{font-size:16px;margin:20px 0 6px}p.meta{color:#616161;margin:4px 0 16px}")
            .Append(".figures{display:flex;flex-wrap:wrap;gap:12px}.figure{border:1px solid #e0e0e0;border-radius:6px;padding:8px 12px;min-width:150px}")
            .Append(".figure b{display:block;font-size:22px}table{border-collapse:collapse;margin:4px 0}td,th{padding:2px 10px 2px 0;text-align:left}")
            .Append("td.n{text-align:right}img{max-width:100%;height:auto}.tables{display:flex;flex-wrap:wrap;gap:24px}")
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
        if (statistics.Training is { } training)
        {
            Figure(html, texts.Training, $"{training.Done.Text} / {training.Required.Text}");
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

        html.Append("<h2>").Append(E(texts.Definitions)).Append("</h2><ul>");
        foreach (var line in texts.DefinitionLines)
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
    public static string Csv(ReviewPeriod period, IEnumerable<IncidentFact> facts)
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

        return csv.ToString();
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
