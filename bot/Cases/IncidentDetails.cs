namespace Trygg.Cases;

/// <summary>Kinds of incident (Alingsås routine; domain.md).</summary>
public enum IncidentKind
{
    Threat,
    Harassment,
    Violence,
    Vandalism,
    OnlineHate,
    UndueInfluence,
    Other,
}

public enum IncidentPlace
{
    Online,
    Phone,
    Meeting,
    Home,
    PublicPlace,
    Other,
}

public enum Perpetrator
{
    Unknown,
    Known,
    AnonymousAccount,
}

public enum PoliceReport
{
    Made,
    NotYet,
    WantsHelpToReport,
}

/// <summary>Who filed the police report: the member, or the party or the municipality on the member's behalf.</summary>
public enum PoliceFiler
{
    Member,
    Party,
    Municipality,
}

public enum ContactWish
{
    None,
    Teams,
    Phone,
}

public enum Evidence
{
    Screenshots,
    Messages,
    Links,
    Photos,
    VoiceMessages,
    Notes,
}

/// <summary>
/// What the member told us about an incident. Sensitive personal data: stored, shown to the member and to
/// authorised security staff, never logged.
/// </summary>
/// <param name="Assignment">A body id from the member's profile, or <see cref="PartyAssignment"/>.</param>
/// <param name="InformParty">False when the member said the party's security officer should not be told.</param>
/// <param name="NotSafe">The member answered that they were not safe when they started the report.</param>
/// <param name="PoliceFiledBy">Who filed the police report, once someone recorded it after the report was sent.</param>
/// <param name="PoliceNumberGivenBy">
/// Who gave <paramref name="PoliceDiaryNumber"/> after the report was sent (null: the member, in the report itself). It
/// can differ from <paramref name="PoliceFiledBy"/>: the party files, and the member later passes on the police's number.
/// </param>
public sealed record IncidentDetails(
    IncidentKind Kind,
    DateTimeOffset OccurredAt,
    IncidentPlace Place,
    string? Platform,
    string Assignment,
    string Description,
    Perpetrator Perpetrator,
    bool RelativesAffected,
    bool Injured,
    IReadOnlyList<Evidence> Evidence,
    PoliceReport PoliceReport,
    string? PoliceDiaryNumber,
    ContactWish Contact,
    bool Ongoing = false,
    bool InformParty = true,
    bool NotSafe = false,
    PoliceFiler? PoliceFiledBy = null,
    PoliceFiler? PoliceNumberGivenBy = null)
{
    public const string PartyAssignment = "party";
}
