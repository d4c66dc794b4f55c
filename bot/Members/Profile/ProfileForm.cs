using Trygg.Conversation.Turns;
using Trygg.Organisations;

namespace Trygg.Members.Profile;

/// <summary>
/// What the member has chosen on the profile card so far, as sent (nothing trusted yet). Re-rendered as is when
/// something is wrong, so no choice is lost.
/// </summary>
public sealed record ProfileForm(
    string? OrganisationId,
    string? Party,
    string? Role,
    IReadOnlyList<string> BodyIds,
    string? Phone,
    string? Next)
{
    public static ProfileForm Empty { get; } = new(null, null, null, [], null, null);

    public static ProfileForm From(CardAction? action)
    {
        if (action is null)
        {
            return Empty;
        }

        return new ProfileForm(
            Trimmed(action.Get(ProfileData.Organisation)),
            Trimmed(action.Get(ProfileData.Party)),
            Trimmed(action.Get(ProfileData.Role)),
            SplitChoices(action.Get(ProfileData.Bodies)),
            Trimmed(action.Get(ProfileData.Phone)),
            Trimmed(action.Get(ProfileData.Next)));
    }

    /// <summary>The saved profile as a form, to edit it.</summary>
    public static ProfileForm Of(MemberProfile profile, string? next)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ProfileForm(profile.OrganisationId, profile.Party, RoleCodes.Of(profile.Role), profile.BodyIds, profile.Phone, next);
    }

    /// <summary>A multi-select ChoiceSet sends its values comma-separated.</summary>
    private static string[] SplitChoices(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A message per field that needs fixing; null where the field is fine.</summary>
public sealed record ProfileErrors(
    string? Organisation = null,
    string? Party = null,
    string? Role = null,
    string? Bodies = null,
    string? Phone = null)
{
    public static ProfileErrors None { get; } = new();

    public bool Any => Organisation is not null || Party is not null || Role is not null || Bodies is not null || Phone is not null;

    /// <summary>The data keys of the fields to fix, comma-separated (for logs: names, never values).</summary>
    public string FieldNames => string.Join(',', new[]
    {
        Organisation is null ? null : ProfileData.Organisation,
        Party is null ? null : ProfileData.Party,
        Role is null ? null : ProfileData.Role,
        Bodies is null ? null : ProfileData.Bodies,
        Phone is null ? null : ProfileData.Phone,
    }.OfType<string>());
}

/// <summary>The role choice's values on the card.</summary>
public static class RoleCodes
{
    public const string SarskiltArvoderad = "sarskiltArvoderad";
    public const string Fritidspolitiker = "fritidspolitiker";

    public static string Of(MemberRole role) => role == MemberRole.SarskiltArvoderad ? SarskiltArvoderad : Fritidspolitiker;

    public static MemberRole? Parse(string? code) => code switch
    {
        SarskiltArvoderad => MemberRole.SarskiltArvoderad,
        Fritidspolitiker => MemberRole.Fritidspolitiker,
        _ => null,
    };
}

/// <summary>A form that passed <see cref="ProfileValidation"/>: only known values, the phone number normalised.</summary>
public sealed record ValidProfile(Organisation Organisation, string Party, MemberRole Role, IReadOnlyList<string> BodyIds, string? Phone);

/// <summary>Checks the card's inputs against the chosen organisation. Server-side: card data can be anything.</summary>
public static class ProfileValidation
{
    public static (ValidProfile? Profile, ProfileErrors Errors) Validate(ProfileForm form, IOrganisationDirectory organisations, ProfileTexts texts)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(texts);

        var organisation = form.OrganisationId is { } id ? organisations.Find(id) : null;
        var party = organisation?.Parties.FirstOrDefault(p => string.Equals(p, form.Party, StringComparison.Ordinal));
        var role = RoleCodes.Parse(form.Role);
        var bodiesKnown = organisation is null || form.BodyIds.All(b => organisation.FindBody(b) is not null);
        string? phone = null;
        var phoneValid = form.Phone is null || SwedishPhoneNumber.TryNormalise(form.Phone, out phone);

        var errors = new ProfileErrors(
            Organisation: organisation is null ? texts.OrganisationMissing : null,
            Party: organisation is not null && party is null ? texts.PartyMissing : null,
            Role: role is null ? texts.RoleMissing : null,
            Bodies: bodiesKnown ? null : texts.BodiesUnknown,
            Phone: phoneValid ? null : texts.PhoneInvalid);

        return errors.Any
            ? (null, errors)
            : (new ValidProfile(organisation!, party!, role!.Value, form.BodyIds, phone), ProfileErrors.None);
    }
}
