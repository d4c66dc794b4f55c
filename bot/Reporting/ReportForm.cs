using System.Globalization;
using System.Text.RegularExpressions;
using Trygg.Cases;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Cases.Rules;

namespace Trygg.Reporting;

/// <summary>
/// The report form's fields as the member entered them (strings, exactly as the card sent them), and the rules
/// that turn them into <see cref="IncidentDetails"/>. Validation returns one message per field, in the member's
/// language; nothing the member typed is ever lost on an error.
/// </summary>
internal static partial class ReportForm
{
    public const int MaxDescription = 4000;

    public const string Description = "description";

    public static readonly string[] StepOneFields = ["kind", "date", "time", "place", "platform", "assignment", "description"];
    public static readonly string[] StepTwoFields = ["perpetrator", "ongoing", "relatives", "injured", "evidence", "police", "diary", "contact", InformParty];

    /// <summary>"Ska partiets säkerhetsansvarig få veta?": "true" or "false"; absent (not asked) means yes.</summary>
    public const string InformParty = "informParty";

    /// <summary>Set in the draft when the member answered that they were not safe; no card input carries it.</summary>
    public const string NotSafe = "notSafe";

    /// <summary>Sweden's time, for everything a member reads or types.</summary>
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z\- /]{2,38}$")]
    private static partial Regex DiaryNumber();

    public static string Get(IReadOnlyDictionary<string, string?> values, string key) =>
        values.TryGetValue(key, out var v) && v is not null ? v : string.Empty;

    public static Dictionary<string, string> ValidateStepOne(
        IReadOnlyDictionary<string, string?> values,
        IReadOnlyCollection<string> assignments,
        DateTimeOffset now,
        ReportingTexts texts)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!IncidentLabels.TryParse<IncidentKind>(Get(values, "kind"), out _))
        {
            errors["kind"] = texts.ErrorChoose;
        }

        if (OccurredAt(values) is not { } when)
        {
            errors["date"] = texts.ErrorDate;
        }
        else if (when > now.AddMinutes(5))
        {
            errors["date"] = texts.ErrorFuture;
        }

        if (!IncidentLabels.TryParse<IncidentPlace>(Get(values, "place"), out var place))
        {
            errors["place"] = texts.ErrorChoose;
        }
        else if (place == IncidentPlace.Online && string.IsNullOrWhiteSpace(Get(values, "platform")))
        {
            errors["platform"] = texts.ErrorPlatform;
        }

        if (!assignments.Contains(Get(values, "assignment")))
        {
            errors["assignment"] = texts.ErrorChoose;
        }

        var description = Get(values, Description);
        if (string.IsNullOrWhiteSpace(description))
        {
            errors["description"] = texts.ErrorDescription;
        }
        else if (description.Length > MaxDescription)
        {
            errors["description"] = string.Format(CultureInfo.InvariantCulture, texts.ErrorTooLong, description.Length);
        }

        return errors;
    }

    public static Dictionary<string, string> ValidateStepTwo(IReadOnlyDictionary<string, string?> values, bool hasPhone, ReportingTexts texts)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!IncidentLabels.TryParse<Perpetrator>(Get(values, "perpetrator"), out _))
        {
            errors["perpetrator"] = texts.ErrorChoose;
        }

        if (!IncidentLabels.TryParse<PoliceReport>(Get(values, "police"), out _))
        {
            errors["police"] = texts.ErrorChoose;
        }

        var diary = Get(values, "diary").Trim();
        if (diary.Length > 0 && !DiaryNumber().IsMatch(diary))
        {
            errors["diary"] = texts.ErrorDiary;
        }

        if (!IncidentLabels.TryParse<ContactWish>(Get(values, "contact"), out var contact))
        {
            errors["contact"] = texts.ErrorChoose;
        }
        else if (contact == ContactWish.Phone && !hasPhone)
        {
            errors["contact"] = texts.ErrorPhoneForContact;
        }

        if (Evidence(values) is null)
        {
            errors["evidence"] = texts.ErrorChoose;
        }

        if (Get(values, InformParty) is not ("" or "true" or "false"))
        {
            errors[InformParty] = texts.ErrorChoose;
        }

        return errors;
    }

    /// <summary>The date and time fields read as Stockholm time; null when missing or not a date.</summary>
    public static DateTimeOffset? OccurredAt(IReadOnlyDictionary<string, string?> values)
    {
        if (!DateOnly.TryParseExact(Get(values, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var timeText = Get(values, "time");
        var time = TimeOnly.MinValue;
        if (timeText.Length > 0
            && !TimeOnly.TryParseExact(timeText, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return null;
        }

        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local));
    }

    /// <summary>The evidence checklist (comma-separated codes); null when a code is unknown.</summary>
    public static IReadOnlyList<Evidence>? Evidence(IReadOnlyDictionary<string, string?> values)
    {
        var list = new List<Evidence>();
        foreach (var code in Get(values, "evidence").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IncidentLabels.TryParse<Evidence>(code, out var item))
            {
                return null;
            }

            if (!list.Contains(item))
            {
                list.Add(item);
            }
        }

        return list;
    }

    /// <summary>The validated form as the incident's details. Call only when both steps validated.</summary>
    public static IncidentDetails ToDetails(IReadOnlyDictionary<string, string?> values)
    {
        var kind = Parse<IncidentKind>(values, "kind");
        var place = Parse<IncidentPlace>(values, "place");
        var perpetrator = Parse<Perpetrator>(values, "perpetrator");
        var police = Parse<PoliceReport>(values, "police");
        var contact = Parse<ContactWish>(values, "contact");
        var platform = Get(values, "platform").Trim();
        var diary = Get(values, "diary").Trim();
        return new IncidentDetails(
            kind,
            OccurredAt(values) ?? throw new InvalidOperationException("The form was not validated."),
            place,
            place == IncidentPlace.Online && platform.Length > 0 ? platform : null,
            Get(values, "assignment"),
            Get(values, "description").Trim(),
            perpetrator,
            IsOn(values, "relatives"),
            IsOn(values, "injured"),
            Evidence(values) ?? [],
            police,
            police == PoliceReport.Made && diary.Length > 0 ? diary : null,
            contact,
            IsOn(values, "ongoing"),
            InformParty: Get(values, InformParty) != "false",
            NotSafe: IsOn(values, NotSafe));
    }

    /// <summary>
    /// What the routing rules need from a report: the member's role and party, the body the incident is tied to
    /// (none for a party assignment), whether it was acute or violent, and the member's answer about the party.
    /// </summary>
    public static RoutingRequest RoutingRequest(Organisation organisation, MemberProfile profile, IncidentDetails details, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(details);
        return new RoutingRequest(
            organisation,
            profile.Role,
            profile.Party,
            details.Assignment == IncidentDetails.PartyAssignment ? null : details.Assignment,
            AcuteOrViolent: details.NotSafe || details.Ongoing || details.Injured || details.Kind == IncidentKind.Violence,
            details.InformParty,
            at);
    }

    private static T Parse<T>(IReadOnlyDictionary<string, string?> values, string key) where T : struct, Enum =>
        IncidentLabels.TryParse<T>(Get(values, key), out var value)
            ? value
            : throw new InvalidOperationException($"The form was not validated ({key}).");

    public static bool IsOn(IReadOnlyDictionary<string, string?> values, string key) => Get(values, key) == "true";
}
