namespace Trygg.Organisations;

/// <summary>What kind of political body a member sits on; routing rules depend on it.</summary>
public enum BodyKind
{
    /// <summary>Kommunfullmäktige (KF).</summary>
    Council,

    /// <summary>Kommunstyrelsen (KS).</summary>
    ExecutiveBoard,

    /// <summary>A named nämnd or styrelse.</summary>
    Board,

    /// <summary>A municipal company (bolag).</summary>
    Company,
}

/// <summary>A body (organ) of the municipality a member can sit on.</summary>
public sealed record Body(string Id, string Name, BodyKind Kind);

/// <summary>
/// A municipality that uses Trygg: data, not code. The positional part is what reporting needs; <see cref="Routing"/>
/// holds the security channel, office hours, officers and escalation.
/// </summary>
/// <param name="Id">Stable short id, letters and digits (e.g. "alingsas").</param>
/// <param name="Name">Display name (e.g. "Alingsås kommun").</param>
/// <param name="CasePrefix">Prefix of case numbers (e.g. "TRY" gives TRY-2026-0042).</param>
/// <param name="SecurityUnitName">What members call the security unit (e.g. "Säkerhetsenheten").</param>
/// <param name="Parties">Parties represented in the council.</param>
/// <param name="Bodies">Bodies members can sit on.</param>
public sealed record Organisation(
    string Id,
    string Name,
    string CasePrefix,
    string SecurityUnitName,
    IReadOnlyList<string> Parties,
    IReadOnlyList<Body> Bodies)
{
    /// <summary>The security unit's own number, for members to call in office hours; null when the profile names none (the on-call number serves).</summary>
    public string? SecurityUnitPhone { get; init; }

    /// <summary>Who gets what (security channel, office hours, officers, escalation). Read and checked with the rest of the profile.</summary>
    public required RoutingProfile Routing { get; init; }

    /// <summary>The parts of the profile features own (training campaigns, retention), read and checked by those features.</summary>
    public ProfileSections Sections { get; init; } = ProfileSections.None;

    /// <summary>
    /// The language of what the organisation shares: posts in its security channel and cards staff act on there
    /// (profile field <c>language</c>, "sv" or "en"; Swedish by default). A person's own 1:1 replies follow
    /// <see cref="Conversation.Languages.LanguagePolicy"/>.
    /// </summary>
    public Trygg.Texts.Language Language { get; init; } = Trygg.Texts.Language.Swedish;

    public Body? FindBody(string id) => Bodies.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.Ordinal));
}

/// <summary>The organisations this deployment serves.</summary>
public interface IOrganisationDirectory
{
    IReadOnlyList<Organisation> All { get; }

    Organisation? Find(string id);

    /// <summary>
    /// False while the roles the organisation names by Entra group have never been read (the first minutes after start
    /// when the directory is slow): its group-named roles are empty then, so whoever needs them waits and tries again.
    /// Profiles that list their people are always read.
    /// </summary>
    bool RolesRead(string organisationId) => true;
}
