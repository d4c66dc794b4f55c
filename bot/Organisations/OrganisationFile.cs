using System.Text.Json;
using System.Text.RegularExpressions;

namespace Trygg.Organisations;

/// <summary>
/// Reads one organisation profile (<c>Organisations/Profiles/&lt;id&gt;.json</c>) and checks every field, so a typo
/// stops start-up with the file and field named instead of misrouting a report later. A field the reader does not
/// know is refused too, since a misspelt one would otherwise be dropped silently.
/// </summary>
internal static partial class OrganisationFile
{
    public static Organisation Read(string path, IReadOnlySet<string>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(Path.GetFileName(path), File.ReadAllText(path), sections);
    }

    /// <summary>Reads one profile's JSON <paramref name="text"/>; <paramref name="file"/> names it in errors (a file or a table row).</summary>
    public static Organisation Parse(string file, string text, IReadOnlySet<string>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        OrganisationJson? json;
        try
        {
            json = JsonSerializer.Deserialize<OrganisationJson>(text, ProfileFields.Json);
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
            throw field.Length == 0
                ? new OrganisationProfileException($"Organisation profile '{file}' is not valid JSON{where}: {e.Message}", e)
                : OrganisationProfileException.InField(file, field, $"has the wrong type{where}: expected {ExpectedType(field)}.", e);
        }

        if (json is null)
        {
            throw new OrganisationProfileException($"Organisation profile '{file}' is empty (null); it must be a JSON object.");
        }

        return Validate(file, json, sections);
    }

    internal static Organisation Validate(string file, OrganisationJson json, IReadOnlySet<string>? sections = null)
    {
        var id = Required(file, "id", json.Id);
        if (!OrganisationId().IsMatch(id))
        {
            throw OrganisationProfileException.InField(file, "id", $"is '{id}': use 2-40 lower-case letters a-z and digits (e.g. \"alingsas\").");
        }

        var name = Required(file, "name", json.Name);
        var casePrefix = Required(file, "casePrefix", json.CasePrefix);
        if (!CasePrefix().IsMatch(casePrefix))
        {
            throw OrganisationProfileException.InField(file, "casePrefix", $"is '{casePrefix}': use 2-5 capital letters A-Z (e.g. \"TRY\").");
        }

        var securityUnitName = Required(file, "securityUnitName", json.SecurityUnitName);
        var parties = Parties(file, json.Parties);
        var bodies = Bodies(file, json.Bodies);
        return new Organisation(id, name, casePrefix, securityUnitName, parties, bodies)
        {
            SecurityUnitPhone = Phone(file, "securityUnitPhone", json.SecurityUnitPhone),
            Routing = Routing(file, json, parties, bodies),
            Sections = Sections(file, json, sections),
            Language = LanguageOf(file, json.Language),
        };
    }

    /// <summary>The language of the organisation's channel posts and shared staff cards: Swedish unless the profile says "en".</summary>
    private static Trygg.Texts.Language LanguageOf(string file, string? code) => code switch
    {
        null or "sv" => Trygg.Texts.Language.Swedish,
        "en" => Trygg.Texts.Language.English,
        _ => throw OrganisationProfileException.InField(file, "language", $"is '{code}': use \"sv\" (Swedish, the default) or \"en\" (English)."),
    };

    private static List<string> Parties(string file, List<string?>? parties)
    {
        if (parties is null || parties.Count == 0)
        {
            throw OrganisationProfileException.InField(file, "parties", "is missing or empty: list the parties represented in the council.");
        }

        var result = new List<string>(parties.Count);
        for (var i = 0; i < parties.Count; i++)
        {
            var party = Required(file, $"parties[{i}]", parties[i]);
            if (result.Contains(party, StringComparer.OrdinalIgnoreCase))
            {
                throw OrganisationProfileException.InField(file, $"parties[{i}]", $"repeats '{party}'.");
            }

            result.Add(party);
        }

        return result;
    }

    private static List<Body> Bodies(string file, List<BodyJson?>? bodies)
    {
        if (bodies is null || bodies.Count == 0)
        {
            throw OrganisationProfileException.InField(file, "bodies", "is missing or empty: list at least the council (kf) and the executive board (ks).");
        }

        var result = new List<Body>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            var field = $"bodies[{i}]";
            var body = bodies[i] ?? throw OrganisationProfileException.InField(file, field, "is null; each body is an object with id, name and kind.");
            Known(file, field + ".", body);
            var id = Required(file, field + ".id", body.Id);
            if (!BodyId().IsMatch(id))
            {
                throw OrganisationProfileException.InField(file, field + ".id", $"is '{id}': use lower-case letters a-z, digits and '-' (at most 40).");
            }

            if (result.Exists(b => string.Equals(b.Id, id, StringComparison.Ordinal)))
            {
                throw OrganisationProfileException.InField(file, field + ".id", $"repeats '{id}': body ids must be unique.");
            }

            var name = Required(file, field + ".name", body.Name);
            var kindText = Required(file, field + ".kind", body.Kind);
            if (!TryParseKind(kindText, out var kind))
            {
                throw OrganisationProfileException.InField(file, field + ".kind", $"is '{kindText}': use one of {string.Join(", ", KindNames.Keys)}.");
            }

            result.Add(new Body(id, name, kind));
        }

        ExactlyOne(file, result, BodyKind.Council, "kommunfullmäktige");
        ExactlyOne(file, result, BodyKind.ExecutiveBoard, "kommunstyrelsen");
        return result;
    }

    private static void ExactlyOne(string file, List<Body> bodies, BodyKind kind, string what)
    {
        var count = bodies.Count(b => b.Kind == kind);
        if (count != 1)
        {
            throw OrganisationProfileException.InField(
                file, "bodies", $"has {count} bodies of kind {KindName(kind)}; exactly one is needed ({what}).");
        }
    }

    private static string Required(string file, string field, string? value) => ProfileFields.Required(file, field, value);

    /// <summary>
    /// The top-level fields that are not the organisation's own, kept as written for the features that own them. With
    /// <paramref name="sections"/> (the names the registered <see cref="IProfileSection"/>s claim) any other field is refused
    /// as a misspelling; without, every one is kept (reading a profile outside the host, as tests and tools do).
    /// </summary>
    private static ProfileSections Sections(string file, OrganisationJson json, IReadOnlySet<string>? sections)
    {
        var raw = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in json.Unknown ?? [])
        {
            if (name.StartsWith('$'))
            {
                continue;
            }

            if (sections is not null && !sections.Contains(name))
            {
                throw OrganisationProfileException.InField(file, name, "is not a field of an organisation profile: check the spelling.");
            }

            raw.Add(name, value);
        }

        return new ProfileSections(file, raw);
    }

    private static readonly Dictionary<string, BodyKind> KindNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["council"] = BodyKind.Council,
        ["executiveBoard"] = BodyKind.ExecutiveBoard,
        ["board"] = BodyKind.Board,
        ["company"] = BodyKind.Company,
    };

    private static bool TryParseKind(string text, out BodyKind kind) => KindNames.TryGetValue(text, out kind);

    private static string KindName(BodyKind kind) => KindNames.First(p => p.Value == kind).Key;

    /// <summary>"$.bodies[0].kind" -> "bodies[0].kind".</summary>
    private static string FieldOf(string? jsonPath) =>
        jsonPath is null ? "" : jsonPath.TrimStart('$').TrimStart('.');

    private static string ExpectedType(string field) => Shapes.GetValueOrDefault(ShapeOf(field), "a string");

    /// <summary>"partySecurity[2].officers[0]" -> "partySecurity[].officers[]"; "localSecurityOfficers.social" -> "localSecurityOfficers.*".</summary>
    private static string ShapeOf(string field)
    {
        var shape = Index().Replace(field, "[]");
        const string local = "localSecurityOfficers.";
        if (shape.StartsWith(local, StringComparison.Ordinal))
        {
            var rest = shape[local.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            shape = local + "*" + (dot < 0 ? "" : rest[dot..]);
        }

        return shape;
    }

    private const string APerson = "a person: an object with name and aadObjectId";
    private const string ListOfPeople = "a list of people (objects with name and aadObjectId)";

    private static readonly Dictionary<string, string> Shapes = new(StringComparer.Ordinal)
    {
        [""] = "an object",
        ["parties"] = "a list of party names",
        ["bodies"] = "a list of objects with id, name and kind",
        ["bodies[]"] = "an object with id, name and kind",
        ["securityChannel"] = "an object with the channel's name",
        ["officeHours"] = "an object with opens, closes and days",
        ["officeHours.days"] = "a list of day names",
        ["onCall"] = "an object with name, phone and (when reachable in Teams) person",
        ["onCall.person"] = APerson,
        ["headOfSecurity"] = APerson,
        ["securityStaff"] = ListOfPeople,
        ["securityStaff[]"] = APerson,
        ["administrators"] = ListOfPeople,
        ["administrators[]"] = APerson,
        ["partySecurity"] = "a list of objects with party and officers",
        ["partySecurity[]"] = "an object with party and officers",
        ["partySecurity[].officers"] = ListOfPeople,
        ["partySecurity[].officers[]"] = APerson,
        ["localSecurityOfficers"] = "an object from body id to a person",
        ["localSecurityOfficers.*"] = APerson,
        ["routeBodiesToLocalOfficer"] = "true or false",
        ["sarskiltArvoderadeRoles"] = "a list of titles",
        ["escalation"] = "an object with high and normal",
        ["escalation.normalInOfficeHours"] = "true or false",
        ["language"] = "\"sv\" or \"en\"",
        ["groups"] = "an object with the securityStaff and administrators group ids",
    };

    [GeneratedRegex(@"\[[0-9]+\]")]
    private static partial Regex Index();

    [GeneratedRegex("^[a-z0-9]{2,40}$")]
    private static partial Regex OrganisationId();

    [GeneratedRegex("^[A-Z]{2,5}$")]
    private static partial Regex CasePrefix();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex BodyId();
}
