using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Members.Profile;

/// <summary>The profile cards' words, in both languages. Short and kind: the member may have just been threatened.</summary>
public sealed record ProfileTexts(
    string Title,
    string Intro,
    string FixBelow,
    string NameLabel,
    string EmailLabel,
    string IdentityNote,
    string OrganisationLabel,
    string OrganisationPlaceholder,
    string OrganisationMissing,
    string ChangeOrganisation,
    string PartyLabel,
    string PartyPlaceholder,
    string PartyMissing,
    string RoleLabel,
    string RoleSarskiltArvoderad,
    string RoleFritidspolitiker,
    string RoleMissing,
    string BodiesLabel,
    string BodiesPlaceholder,
    string BodiesUnknown,
    string PhoneLabel,
    string PhonePlaceholder,
    string PhoneHint,
    string PhoneInvalid,
    string Next,
    string Save,
    string SavedTitle,
    string SavedText,
    string NotGiven,
    string Edit,
    string SummaryRole,
    string SummaryBodies,
    string SummaryPhone,
    string PersonalChatOnly)
{
    public static ProfileTexts Swedish => For(Language.Swedish);

    public static ProfileTexts English => For(Language.English);

    public static ProfileTexts For(Language language) => LocalizedTexts.For<ProfileTexts>(language);

    public string RoleTitle(MemberRole role) => role == MemberRole.SarskiltArvoderad ? RoleSarskiltArvoderad : RoleFritidspolitiker;
}
