using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trygg.Organisations;

// A profile as written; every field optional here so that validation, not the parser, names what is missing.

/// <summary>Collects fields the reader does not know, so validation can refuse them by name.</summary>
public abstract class ProfileJsonObject
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class OrganisationJson : ProfileJsonObject
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? CasePrefix { get; set; }

    public string? SecurityUnitName { get; set; }

    public string? SecurityUnitPhone { get; set; }

    public List<string?>? Parties { get; set; }

    public List<BodyJson?>? Bodies { get; set; }

    public SecurityChannelJson? SecurityChannel { get; set; }

    public OfficeHoursJson? OfficeHours { get; set; }

    public OnCallJson? OnCall { get; set; }

    public PersonJson? HeadOfSecurity { get; set; }

    public List<PersonJson?>? SecurityStaff { get; set; }

    public List<PersonJson?>? Administrators { get; set; }

    public List<PartySecurityJson?>? PartySecurity { get; set; }

    public Dictionary<string, LocalOfficerJson?>? LocalSecurityOfficers { get; set; }

    public bool? RouteBodiesToLocalOfficer { get; set; }

    public List<string?>? SarskiltArvoderadeRoles { get; set; }

    public EscalationJson? Escalation { get; set; }

    public string? MembersGroupId { get; set; }

    public RoleGroupsJson? Groups { get; set; }

    public string? Language { get; set; }
}

internal sealed class BodyJson : ProfileJsonObject
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }
}

internal sealed class SecurityChannelJson : ProfileJsonObject
{
    public string? Name { get; set; }
}

internal sealed class OfficeHoursJson : ProfileJsonObject
{
    public string? Opens { get; set; }

    public string? Closes { get; set; }

    public List<string?>? Days { get; set; }
}

internal sealed class OnCallJson : ProfileJsonObject
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public PersonJson? Person { get; set; }
}

internal class PersonJson : ProfileJsonObject
{
    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}

/// <summary>A body's local security officer: a person, or <c>group</c> (the Entra group of its officers), or both.</summary>
internal sealed class LocalOfficerJson : PersonJson
{
    public string? Group { get; set; }
}

internal sealed class PartySecurityJson : ProfileJsonObject
{
    public string? Party { get; set; }

    public List<PersonJson?>? Officers { get; set; }

    public string? Group { get; set; }
}

internal sealed class EscalationJson : ProfileJsonObject
{
    public string? High { get; set; }

    public string? Normal { get; set; }

    public bool? NormalInOfficeHours { get; set; }
}

internal sealed class RoleGroupsJson : ProfileJsonObject
{
    public string? SecurityStaff { get; set; }

    public string? Administrators { get; set; }

    public string? OnCall { get; set; }

    public string? HeadOfSecurity { get; set; }
}
