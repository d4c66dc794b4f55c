
namespace Trygg.Organisations;

/// <summary>Why a member would call a number.</summary>
public enum ContactKind
{
    /// <summary>112: danger now.</summary>
    Emergency,

    /// <summary>The municipality's security unit, in office hours.</summary>
    SecurityUnit,

    /// <summary>The out-of-hours contact (jour, TiB, support line).</summary>
    OnCall,

    /// <summary>The member's party security officer.</summary>
    PartyOfficer,

    /// <summary>114 14: the police, not urgent (to report).</summary>
    Police,
}

/// <summary>A person or line a member can reach: the number as the profile writes it and its <c>tel:</c> address, when it has one.</summary>
public sealed record ContactNumber(ContactKind Kind, string Name, string? Phone, string? TelUri, string? Email = null);

/// <summary>
/// The numbers of one member's own organisation (and party) at one moment: whom to call now (the security unit while
/// the office is open, the on-call line otherwise), the other line, the party's security officers.
/// </summary>
public sealed record MemberContacts(bool OfficeOpen, ContactNumber CallNow, ContactNumber Other, IReadOnlyList<ContactNumber> PartyOfficers);

/// <summary>Reads members' contacts out of an organisation profile (<see cref="Organisation.SecurityUnitPhone"/>, <see cref="RoutingProfile.OnCall"/>, party security).</summary>
public static class OrganisationContacts
{
    public static readonly ContactNumber Emergency = new(ContactKind.Emergency, "112", "112", "tel:112");

    public static readonly ContactNumber Police = new(ContactKind.Police, "114 14", "114 14", "tel:11414");

    /// <summary><c>tel:+46...</c> for a Swedish number, or null when it is not one (the profile reader refuses those).</summary>
    public static string? TelUri(string? phone) => SwedishPhoneNumber.TryNormalise(phone, out var e164) ? "tel:" + e164 : null;

    /// <summary>The security unit: its own number, or the on-call number when the profile names none.</summary>
    public static ContactNumber SecurityUnit(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var phone = organisation.SecurityUnitPhone ?? organisation.Routing.OnCall.Phone;
        return new ContactNumber(ContactKind.SecurityUnit, organisation.SecurityUnitName, phone, TelUri(phone));
    }

    public static ContactNumber OnCall(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var onCall = organisation.Routing.OnCall;
        return new ContactNumber(ContactKind.OnCall, onCall.Name, onCall.Phone, TelUri(onCall.Phone), onCall.Person?.Email);
    }

    /// <summary>The number to call at <paramref name="at"/>: the security unit while its office is open, the on-call line otherwise.</summary>
    public static ContactNumber CallNow(Organisation organisation, IOfficeCalendar calendar, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.IsOpen(organisation.Routing.OfficeHours, at) ? SecurityUnit(organisation) : OnCall(organisation);
    }

    /// <summary>Everything a member of <paramref name="party"/> in <paramref name="organisation"/> can call at <paramref name="at"/>.</summary>
    public static MemberContacts For(Organisation organisation, string? party, IOfficeCalendar calendar, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(calendar);
        var open = calendar.IsOpen(organisation.Routing.OfficeHours, at);
        var officers = organisation.Routing.PartySecurity
            .Where(p => string.Equals(p.Party, party, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Officers)
            .Select(o => new ContactNumber(ContactKind.PartyOfficer, o.Name, o.Phone, TelUri(o.Phone), o.Email))
            .ToList();
        return open
            ? new MemberContacts(true, SecurityUnit(organisation), OnCall(organisation), officers)
            : new MemberContacts(false, OnCall(organisation), SecurityUnit(organisation), officers);
    }
}
