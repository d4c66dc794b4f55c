using System.Globalization;
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
    public static ReviewTexts For(Language language) => language == Language.English ? English : Swedish;

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

    private static readonly ReviewTexts Swedish = new(
        Language.Swedish,
        Title: "Årsuppföljning av händelser",
        ByMonthTitle: "Händelser per månad",
        ByKindTitle: "Händelser per slag",
        AcknowledgementTitle: "Tid till bekräftelse, median per månad",
        MinutesAxis: "minuter",
        TooFewToShow: "för få för att visas",
        Total: "Händelser totalt",
        Escalated: "Eskalerade (ingen bekräftelse i tid)",
        Median: "Median tid till bekräftelse",
        Percentile90: "90:e percentilen",
        PoliceMade: "Polisanmälan gjord",
        PoliceNotMade: "Ingen polisanmälan (än)",
        ByPlace: "Var det hände",
        ByBody: "Uppdrag",
        ByRole: "Roll",
        ByPolice: "Polisanmälan",
        Definitions: "Definitioner",
        DefinitionLines:
        [
            "En händelse räknas till den dag och månad den inträffade, svensk tid (Europe/Stockholm).",
            "Antal 1 och 2 visas som \"<3\" så att ingen kan pekas ut. Om bara ett sådant värde finns i en tabell döljs även det näst minsta (\"–\"), så att det inte kan räknas fram ur summan.",
            "Tid till bekräftelse räknas från att rapporten skickades tills någon i säkerhetsenheten bekräftade den. Median och 90:e percentil (närmaste rang) visas först från tre bekräftade händelser.",
            "Eskalerad: ingen bekräftade ärendet inom tiden för dess prioritet.",
            "Underlaget innehåller inga beskrivningar, namn eller ärendenummer.",
        ],
        new TrainingWords(
            Title: "Säkerhetsutbildning",
            FigureFormat: "{0} av {1} klara",
            InScope: "Ska gå",
            Done: "Klara",
            NotDone: "Inte klara",
            Share: "Andel klara",
            SelfReported: "markerat själva",
            RegisteredByUnit: "registrerade av säkerhetsenheten",
            ByParty: "Per parti",
            ByRole: "Per roll",
            NoParty: "Parti saknas",
            Definitions:
            [
                "Utbildning: varje omgång av kommunens utbildningar som överlappar perioden och har börjat räknas, mandatperioden (från 15 oktober valåret) eller kalenderåret.",
                "Ska gå: alla som har en utbildningspost i omgången och dagens ledamöter utan en, för de utbildningar som gäller alla ledamöter respektive bara särskilt arvoderade. Parti och roll är de som gällde i omgången, annars profilens.",
                "Klar: markerad som genomförd senast periodens sista dag, av ledamoten själv eller registrerad av säkerhetsenheten.",
            ]));

    private static readonly ReviewTexts English = new(
        Language.English,
        Title: "Annual review of incidents",
        ByMonthTitle: "Incidents by month",
        ByKindTitle: "Incidents by kind",
        AcknowledgementTitle: "Time to acknowledgement, median by month",
        MinutesAxis: "minutes",
        TooFewToShow: "too few to show",
        Total: "Incidents in total",
        Escalated: "Escalated (not acknowledged in time)",
        Median: "Median time to acknowledgement",
        Percentile90: "90th percentile",
        PoliceMade: "Reported to the police",
        PoliceNotMade: "Not reported to the police (yet)",
        ByPlace: "Where it happened",
        ByBody: "Assignment",
        ByRole: "Role",
        ByPolice: "Police report",
        Definitions: "Definitions",
        DefinitionLines:
        [
            "An incident counts on the day and month it happened, Swedish time (Europe/Stockholm).",
            "Counts of 1 and 2 are shown as \"<3\" so that nobody can be singled out. When a table would hold only one such value, the next smallest is hidden too (\"–\") so it cannot be worked out from the total.",
            "Time to acknowledgement runs from the report's submission until someone in the security unit acknowledged it. Median and 90th percentile (nearest rank) are shown from three acknowledged incidents.",
            "Escalated: nobody acknowledged the case within its priority's time.",
            "The data holds no descriptions, names or case numbers.",
        ],
        new TrainingWords(
            Title: "Security training",
            FigureFormat: "{0} of {1} done",
            InScope: "Should take it",
            Done: "Done",
            NotDone: "Not done",
            Share: "Share done",
            SelfReported: "marked by themselves",
            RegisteredByUnit: "registered by the security unit",
            ByParty: "By party",
            ByRole: "By role",
            NoParty: "No party given",
            Definitions:
            [
                "Training: each round of the municipality's trainings that overlaps the period and has begun counts, the mandate period (from 15 October of the election year) or the calendar year.",
                "Should take it: everyone with a training record in the round and today's members without one, for trainings meant for all members or only for full-time officials. Party and role are those of the round, else the profile's.",
                "Done: marked as done by the period's last day, by the member or registered by the security unit.",
            ]));
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
