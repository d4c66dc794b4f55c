using ScottPlot;

namespace Trygg.Review;

/// <summary>
/// The review's charts as PNG images, drawn on the server (ScottPlot on SkiaSharp): incidents by month and by kind
/// (bars) and time to acknowledgement by month (line). Hidden counts are drawn as empty bars labelled "&lt;3" or "–",
/// never as their value.
/// </summary>
public static class ReviewCharts
{
    public const int Width = 720;
    public const int Height = 360;

    private static readonly Color Bar = Color.FromHex("#4F6BED");
    private static readonly Color Line = Color.FromHex("#C4314B");

    public static byte[] ByMonth(ReviewStatistics statistics, ReviewTexts texts, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(texts);
        return Bars(texts.ByMonthTitle, statistics.ByMonth.Rows, r => texts.MonthLabel(r.Key), horizontal: false, width, height);
    }

    public static byte[] ByKind(ReviewStatistics statistics, ReviewTexts texts, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(texts);
        return Bars(texts.ByKindTitle, statistics.ByKind.Rows, r => texts.KindLabel(r.Key), horizontal: true, width, height);
    }

    public static byte[] AcknowledgementByMonth(ReviewStatistics statistics, ReviewTexts texts, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(texts);
        var plot = NewPlot(texts.AcknowledgementTitle);
        var months = statistics.AcknowledgementByMonth;
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i].Summary is { Suppressed: false, Median: { } median })
            {
                xs.Add(i);
                ys.Add(Math.Round(median.TotalMinutes, 1));
            }
        }

        if (xs.Count > 0)
        {
            // One line per run of consecutive months: a month with too few cases to show breaks the line.
            var start = 0;
            for (var i = 1; i <= xs.Count; i++)
            {
                if (i == xs.Count || xs[i] != xs[i - 1] + 1)
                {
                    var scatter = plot.Add.Scatter(xs.GetRange(start, i - start).ToArray(), ys.GetRange(start, i - start).ToArray(), Line);
                    scatter.LineWidth = 2;
                    scatter.MarkerSize = 7;
                    start = i;
                }
            }
        }
        else
        {
            plot.Add.Annotation(texts.TooFewToShow);
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, months.Count).Select(i => (double)i)], [.. months.Select(m => texts.MonthLabel(m.Month))]);
        plot.Axes.Left.Label.Text = texts.MinutesAxis;
        plot.Axes.SetLimitsX(-0.5, Math.Max(months.Count - 0.5, 0.5));
        plot.Axes.SetLimitsY(0, ys.Count == 0 ? 60 : ys.Max() * 1.2);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static byte[] Bars(string title, IReadOnlyList<ShownCount> rows, Func<ShownCount, string> label, bool horizontal, int width, int height)
    {
        var plot = NewPlot(title);
        // Horizontal bars read top-down in the categories' order.
        var position = horizontal ? new Func<int, double>(i => rows.Count - 1 - i) : i => i;
        var bars = rows.Select((r, i) => new ScottPlot.Bar
        {
            Position = position(i),
            Value = r.Plotted,
            FillColor = Bar,
            LineWidth = 0,
            Label = r.Count == 0 ? string.Empty : r.Text,
        }).ToList();
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = horizontal;
        plotted.ValueLabelStyle.FontSize = 13;
        var max = rows.Count == 0 ? 0 : rows.Max(r => r.Plotted);
        double[] ticks = [.. rows.Select((_, i) => position(i))];
        string[] labels = [.. rows.Select(label)];
        if (horizontal)
        {
            plot.Axes.Left.SetTicks(ticks, labels);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.SetLimitsX(0, Math.Max(3, (max * 1.25) + 0.5));
            plot.Axes.SetLimitsY(-0.6, Math.Max(rows.Count - 0.4, 0.6));
        }
        else
        {
            plot.Axes.Bottom.SetTicks(ticks, labels);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.SetLimitsY(0, Math.Max(3, max * 1.25));
            plot.Axes.SetLimitsX(-0.6, Math.Max(rows.Count - 0.4, 0.6));
        }

        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>
    /// An empty right panel of fixed width: the last tick label of the value axis is centred on the plot's edge and
    /// was cut in half without it ("1" for "13").
    /// </summary>
    internal static void KeepRightMargin(Plot plot)
    {
        plot.Axes.Right.IsVisible = true;
        plot.Axes.Right.SetTicks([], []);
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Right.MinimumSize = 28;
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(title, size: 16);
        plot.Grid.MajorLineColor = Color.FromHex("#E6E6E6");
        KeepRightMargin(plot);
        plot.Axes.Top.IsVisible = false;
        return plot;
    }
}
