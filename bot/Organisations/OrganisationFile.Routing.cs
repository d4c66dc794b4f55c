using System.Globalization;
using System.Text.RegularExpressions;

namespace Trygg.Organisations;

// The routing part of a profile: who is told, when the office is open, whom members call out of hours, when an
// unacknowledged case escalates. A mistake here sends a frightened member's report nowhere, so every field is
// checked at start and named in the error.
internal static partial class OrganisationFile
{
    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    /// <summary>Longest escalation time accepted: anything longer is a typo (e.g. hours written as days).</summary>
    private static readonly TimeSpan LongestEscalation = TimeSpan.FromDays(7);

    private static RoutingProfile Routing(string file, OrganisationJson json, IReadOnlyList<string> parties, IReadOnlyList<Body> bodies)
    {
        var channel = Object(file, "securityChannel", json.SecurityChannel, "an object with the channel's name");
        var securityChannel = new SecurityChannelSetting(Required(file, "securityChannel.name", channel.Name));
        var officeHours = OfficeHoursOf(file, Object(file, "officeHours", json.OfficeHours, "an object with opens, closes and days"));
        var onCall = OnCallOf(file, Object(file, "onCall", json.OnCall, "an object with name, phone and (when reachable in Teams) person, or a rota in groups.onCall"));
        var groups = GroupsOf(file, json.Groups);
        var head = groups.HeadOfSecurity is not null && json.HeadOfSecurity is null ? null : Person(file, "headOfSecurity", json.HeadOfSecurity);
        var staff = groups.SecurityStaff is not null && json.SecurityStaff is null
            ? []
            : People(file, "securityStaff", json.SecurityStaff, "list the authorised security staff (they see report details), or name their group in groups.securityStaff");
        var administrators = groups.Administrators is not null && json.Administrators is null
            ? []
            : People(file, "administrators", json.Administrators, "list who may register the security channel, or name their group in groups.administrators");
        var (partySecurity, partyGroups) = PartySecurityOf(file, json.PartySecurity, parties);
        if (partyGroups.Count > 0)
        {
            groups = groups with { PartyOfficers = partyGroups };
        }

        var (localOfficers, localGroups) = LocalOfficers(file, json.LocalSecurityOfficers, bodies);
        if (localGroups.Count > 0)
        {
            groups = groups with { LocalOfficers = localGroups };
        }

        var routeBodies = json.RouteBodiesToLocalOfficer ?? false;
        if (routeBodies && localOfficers.Count == 0 && localGroups.Count == 0)
        {
            throw OrganisationProfileException.InField(
                file, "routeBodiesToLocalOfficer", "is true but localSecurityOfficers lists nobody: add the bodies' local security officers or set it to false.");
        }

        var roles = Texts(file, "sarskiltArvoderadeRoles", json.SarskiltArvoderadeRoles, "list the titles that count as särskilt arvoderad here (e.g. \"Kommunalråd\")");
        var escalation = EscalationOf(file, Object(file, "escalation", json.Escalation, "an object with high and normal"));
        var group = json.MembersGroupId is null ? null : ObjectId(file, "membersGroupId", json.MembersGroupId);
        return new RoutingProfile(
            securityChannel, officeHours, onCall, head, staff, administrators, partySecurity, localOfficers, routeBodies, roles, escalation, group)
        {
            Groups = groups,
        };
    }

    /// <summary>The Entra groups named for roles (<c>groups</c>, optional): each an object id, read from the directory at run time.</summary>
    private static Roles.RoleGroups GroupsOf(string file, RoleGroupsJson? json)
    {
        if (json is null)
        {
            return Roles.RoleGroups.None;
        }

        Known(file, "groups.", json);
        return new Roles.RoleGroups(
            json.SecurityStaff is null ? null : ObjectId(file, "groups.securityStaff", json.SecurityStaff),
            json.Administrators is null ? null : ObjectId(file, "groups.administrators", json.Administrators))
        {
            OnCall = json.OnCall is null ? null : ObjectId(file, "groups.onCall", json.OnCall),
            HeadOfSecurity = json.HeadOfSecurity is null ? null : ObjectId(file, "groups.headOfSecurity", json.HeadOfSecurity),
        };
    }

    private static OfficeHours OfficeHoursOf(string file, OfficeHoursJson json)
    {
        var opens = Time(file, "officeHours.opens", json.Opens);
        var closes = Time(file, "officeHours.closes", json.Closes);
        if (closes <= opens)
        {
            throw OrganisationProfileException.InField(
                file, "officeHours.closes", $"is {Text(closes)}, not after opens ({Text(opens)}): office hours run within one day.");
        }

        if (json.Days is null || json.Days.Count == 0)
        {
            throw OrganisationProfileException.InField(file, "officeHours.days", "is missing or empty: list the open days (e.g. \"monday\").");
        }

        var days = new List<DayOfWeek>(json.Days.Count);
        for (var i = 0; i < json.Days.Count; i++)
        {
            var field = $"officeHours.days[{i}]";
            var text = Required(file, field, json.Days[i]);
            if (!DayNames.TryGetValue(text, out var day))
            {
                throw OrganisationProfileException.InField(file, field, $"is '{text}': use one of {string.Join(", ", DayNames.Keys)}.");
            }

            if (days.Contains(day))
            {
                throw OrganisationProfileException.InField(file, field, $"repeats '{text}'.");
            }

            days.Add(day);
        }

        return new OfficeHours(opens, closes, days);
    }

    private static OnCallContact OnCallOf(string file, OnCallJson json)
    {
        var name = Required(file, "onCall.name", json.Name);
        var phone = Phone(file, "onCall.phone", json.Phone)
            ?? throw OrganisationProfileException.InField(file, "onCall.phone", "is missing or empty: members are told to call this number out of office hours.");
        var person = json.Person is null ? null : Person(file, "onCall.person", json.Person);
        return new OnCallContact(name, phone, person);
    }

    /// <summary>Each party's security officers, listed by person, or by Entra group (<c>group</c>, read at run time), or both.</summary>
    private static (List<PartySecurity> Parties, Dictionary<string, string> Groups) PartySecurityOf(
        string file, List<PartySecurityJson?>? json, IReadOnlyList<string> parties)
    {
        if (json is null)
        {
            throw OrganisationProfileException.InField(
                file, "partySecurity", "is missing: list each party's security officers ([] when no party has named one yet).");
        }

        var result = new List<PartySecurity>(json.Count);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < json.Count; i++)
        {
            var field = $"partySecurity[{i}]";
            var entry = Object(file, field, json[i], "an object with party and officers");
            var named = Required(file, field + ".party", entry.Party);
            var party = parties.FirstOrDefault(p => string.Equals(p, named, StringComparison.OrdinalIgnoreCase))
                ?? throw OrganisationProfileException.InField(
                    file, field + ".party", $"is '{named}', which is not among parties ({string.Join(", ", parties)}).");
            if (result.Exists(p => p.Party == party))
            {
                throw OrganisationProfileException.InField(file, field + ".party", $"repeats '{party}': list all its officers in one entry.");
            }

            if (entry.Group is not null)
            {
                groups[party] = ObjectId(file, field + ".group", entry.Group);
            }

            var officers = entry.Group is not null && entry.Officers is null
                ? []
                : People(file, field + ".officers", entry.Officers, "list at least one officer or name their group in group, or leave the party out");
            result.Add(new PartySecurity(party, officers));
        }

        return (result, groups);
    }

    /// <summary>Each body's local security officer in person, or its officers' Entra group (<c>group</c>), or both.</summary>
    private static (Dictionary<string, StaffPerson> People, Dictionary<string, string> Groups) LocalOfficers(
        string file, Dictionary<string, LocalOfficerJson?>? json, IReadOnlyList<Body> bodies)
    {
        var people = new Dictionary<string, StaffPerson>(StringComparer.Ordinal);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (bodyId, officer) in json ?? [])
        {
            var field = $"localSecurityOfficers.{bodyId}";
            var body = bodies.FirstOrDefault(b => string.Equals(b.Id, bodyId, StringComparison.Ordinal))
                ?? throw OrganisationProfileException.InField(file, field, $"names body '{bodyId}', which is not among bodies' ids.");
            if (body.Kind is BodyKind.Council or BodyKind.ExecutiveBoard)
            {
                throw OrganisationProfileException.InField(
                    file, field, $"names {body.Name}: incidents tied to the council or the executive board go to the security unit, not a local officer.");
            }

            if (officer?.Group is not null)
            {
                groups.Add(bodyId, ObjectId(file, field + ".group", officer.Group));
                if (officer.Name is null && officer.AadObjectId is null)
                {
                    Known(file, field + ".", officer);
                    continue;
                }
            }

            people.Add(bodyId, Person(file, field, officer));
        }

        return (people, groups);
    }

    private static EscalationPolicy EscalationOf(string file, EscalationJson json) => new(
        Duration(file, "escalation.high", json.High),
        Duration(file, "escalation.normal", json.Normal),
        json.NormalInOfficeHours ?? true);

    private static List<StaffPerson> People(string file, string field, List<PersonJson?>? json, string hint)
    {
        if (json is null || json.Count == 0)
        {
            throw OrganisationProfileException.InField(file, field, $"is missing or empty: {hint}.");
        }

        var result = new List<StaffPerson>(json.Count);
        for (var i = 0; i < json.Count; i++)
        {
            var person = Person(file, $"{field}[{i}]", json[i]);
            if (result.Exists(p => p.AadObjectId == person.AadObjectId))
            {
                throw OrganisationProfileException.InField(file, $"{field}[{i}].aadObjectId", $"repeats '{person.AadObjectId}': list each person once.");
            }

            result.Add(person);
        }

        return result;
    }

    private static StaffPerson Person(string file, string field, PersonJson? json)
    {
        var person = Object(file, field, json, "a person: an object with name and aadObjectId");
        var name = Required(file, field + ".name", person.Name);
        var id = ObjectId(file, field + ".aadObjectId", person.AadObjectId);
        var phone = Phone(file, field + ".phone", person.Phone);
        var email = person.Email?.Trim() is { Length: > 0 } text ? text : null;
        if (email is not null && !Email().IsMatch(email))
        {
            throw OrganisationProfileException.InField(file, field + ".email", $"is '{email}', which is not an e-mail address.");
        }

        return new StaffPerson(name, id, phone, email);
    }

    /// <summary>
    /// An Entra object id: a GUID. The Agents Playground's mock users (00000000-0000-0000-0000-00000000000NN, one digit
    /// too many for a GUID) are accepted too, so the shipped example profiles can be played locally.
    /// </summary>
    private static string ObjectId(string file, string field, string? value)
    {
        var id = Required(file, field, value);
        if (Guid.TryParseExact(id, "D", out var guid) && guid != Guid.Empty)
        {
            return id.ToLowerInvariant();
        }

        return PlaygroundUserId().IsMatch(id)
            ? id
            : throw OrganisationProfileException.InField(
                file, field, $"is '{id}', which is not an Entra object id (a GUID like 3f2b8c1e-5d4a-4e0b-9c7f-1a2b3c4d5e6f).");
    }

    /// <summary>The number as written (shown to members as is), after checking it is a Swedish number; null when absent.</summary>
    private static string? Phone(string file, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var phone = value.Trim();
        return SwedishPhoneNumber.TryNormalise(phone, out _)
            ? phone
            : throw OrganisationProfileException.InField(file, field, $"is '{phone}', which is not a Swedish phone number (e.g. \"08-508 000 00\").");
    }

    private static TimeOnly Time(string file, string field, string? value)
    {
        var text = Required(file, field, value);
        return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw OrganisationProfileException.InField(file, field, $"is '{text}': write a time of day as HH:mm (e.g. \"08:00\").");
    }

    private static TimeSpan Duration(string file, string field, string? value)
    {
        var text = Required(file, field, value);
        // "c" alone reads "15" as 15 days: require the colon so a bare number is refused, not misread.
        if (!text.Contains(':', StringComparison.Ordinal) || !TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var duration) || duration <= TimeSpan.Zero || duration > LongestEscalation)
        {
            throw OrganisationProfileException.InField(
                file, field, $"is '{text}': write a duration above zero and at most 7 days as hh:mm or d.hh:mm (e.g. \"00:15\" for 15 minutes, \"04:00\" for 4 hours).");
        }

        return duration;
    }

    private static List<string> Texts(string file, string field, List<string?>? json, string hint)
    {
        if (json is null || json.Count == 0)
        {
            throw OrganisationProfileException.InField(file, field, $"is missing or empty: {hint}.");
        }

        var result = new List<string>(json.Count);
        for (var i = 0; i < json.Count; i++)
        {
            var text = Required(file, $"{field}[{i}]", json[i]);
            if (result.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                throw OrganisationProfileException.InField(file, $"{field}[{i}]", $"repeats '{text}'.");
            }

            result.Add(text);
        }

        return result;
    }

    private static T Object<T>(string file, string field, T? value, string what)
        where T : ProfileJsonObject
    {
        if (value is null)
        {
            throw OrganisationProfileException.InField(file, field, $"is missing: it must be {what}.");
        }

        Known(file, field + ".", value);
        return value;
    }

    private static void Known(string file, string prefix, ProfileJsonObject value) => ProfileFields.Known(file, prefix, value);

    private static string Text(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex("^00000000-0000-0000-0000-0000000000[0-9]{3}$")]
    private static partial Regex PlaygroundUserId();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
