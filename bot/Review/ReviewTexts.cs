using System.Globalization;
using Trygg.Cases;
using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Texts;

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
    TrainingWords TrainingWords,
    string RoleUnknown,
    string RoleFullTime,
    string RoleLeisure,
    string BodyCouncil,
    string BodyExecutiveBoard,
    string BodyBoard,
    string BodyCompany,
    string BodyNone,
    string HoursFormat)
{
    public static ReviewTexts For(Language language) => LocalizedTexts.For<ReviewTexts>(language);

    public string MonthLabel(string yearMonth)
    {
        var month = DateOnly.ParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return month.ToString("MMM", Culture).TrimEnd('.');
    }

    public string KindLabel(string key) => IncidentLabels.Kind(Enum.Parse<IncidentKind>(key), Language);

    public string PlaceLabel(string key) => IncidentLabels.Place(Enum.Parse<IncidentPlace>(key), Language);

    public string RoleLabel(string key) => key == ReviewAggregator.UnknownRole
        ? RoleUnknown
        : Enum.Parse<MemberRole>(key) == MemberRole.SarskiltArvoderad ? RoleFullTime : RoleLeisure;

    public string BodyLabel(string key) => key switch
    {
        "Council" => BodyCouncil,
        "ExecutiveBoard" => BodyExecutiveBoard,
        "Board" => BodyBoard,
        "Company" => BodyCompany,
        _ => BodyNone,
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
            ? string.Format(Culture, HoursFormat, v.TotalHours)
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
