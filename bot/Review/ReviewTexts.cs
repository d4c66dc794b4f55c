using System.Globalization;
using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Reporting;

namespace Trygg.Review;

/// <summary>The review's words, Swedish or English: chart titles, category names, definitions.</summary>
public sealed record ReviewTexts(
    Language Language,
    string Title,
    string ByMonthTitle,
    string ByKindTitle,
    string AcknowledgementTitle,
    string MinutesAxis,
    string TooFewToShow,
    string Total,
    string Escalated,
    string Median,
    string Percentile90,
    string PoliceMade,
    string PoliceNotMade,
    string ByPlace,
    string ByBody,
    string ByRole,
    string ByPolice,
    string Definitions,
    IReadOnlyList<string> DefinitionLines,
    TrainingWords TrainingWords)
{
    public static ReviewTexts For(Language language) => LocalizedTexts.For<ReviewTexts>(language);

    public string MonthLabel(string yearMonth)
    {
        var month = DateOnly.ParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return month.ToString("MMM", Culture).TrimEnd('.');
    }

    public string KindLabel(string key) => ReportingLabels.Kind(Enum.Parse<IncidentKind>(key), Language);

    public string PlaceLabel(string key) => ReportingLabels.Place(Enum.Parse<IncidentPlace>(key), Language);

    public string RoleLabel(string key) => key == ReviewAggregator.UnknownRole
        ? (Language == Language.English ? "Unknown (anonymised)" : "Okänd (anonymiserad)")
        : (Enum.Parse<MemberRole>(key), Language) switch
    {
        (MemberRole.SarskiltArvoderad, Language.English) => "Full-time / substantial part-time",
        (MemberRole.SarskiltArvoderad, _) => "Särskilt arvoderad",
        (_, Language.English) => "Part-time (leisure) politician",
        _ => "Fritidspolitiker",
    };

    public string BodyLabel(string key) => (key, Language) switch
    {
        ("Council", Language.English) => "Municipal council (KF)",
        ("Council", _) => "Kommunfullmäktige",
        ("ExecutiveBoard", Language.English) => "Executive board (KS)",
        ("ExecutiveBoard", _) => "Kommunstyrelsen",
        ("Board", Language.English) => "Other boards",
        ("Board", _) => "Nämnder och styrelser",
        ("Company", Language.English) => "Municipal companies",
        ("Company", _) => "Bolag",
        (_, Language.English) => "Party / no body",
        _ => "Partiet / inget organ",
    };

    public string PartyLabel(string key) => string.IsNullOrEmpty(key) ? TrainingWords.NoParty : key;

    /// <summary>"31 av 40 klara (78 %)": the card's line for one training cycle.</summary>
    public string TrainingFigure(TrainingGroup total)
    {
        ArgumentNullException.ThrowIfNull(total);
        var line = string.Format(Culture, TrainingWords.FigureFormat, total.Done.Text, total.InScope.Text);
        return total.Percent is null ? line : $"{line} ({Percent(total.Percent)})";
    }

    /// <summary>"78 %", or "–" when the share would give a hidden count away.</summary>
    public string Percent(int? percent) => percent is { } p ? string.Create(Culture, $"{p} %") : ShownCount.ComplementaryText;

    public string PoliceLabel(string key) => key == "Made" ? PoliceMade : PoliceNotMade;

    public string Duration(TimeSpan? value) => value is not { } v
        ? TooFewToShow
        : v.TotalHours >= 1
            ? string.Format(Culture, Language == Language.English ? "{0:0.#} h" : "{0:0.#} tim", v.TotalHours)
            : string.Format(Culture, "{0:0} min", Math.Ceiling(v.TotalMinutes));

    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language == Language.English ? "en-GB" : "sv-SE");
}

/// <summary>The words of the review's training section.</summary>
/// <param name="FigureFormat">"{0} av {1} klara": done, then in scope.</param>
public sealed record TrainingWords(
    string Title,
    string FigureFormat,
    string InScope,
    string Done,
    string NotDone,
    string Share,
    string SelfReported,
    string RegisteredByUnit,
    string ByParty,
    string ByRole,
    string NoParty,
    IReadOnlyList<string> Definitions);
