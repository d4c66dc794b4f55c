using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Cases.Rules;
using Trygg.Texts;

namespace Trygg.Cases;

/// <summary>
/// Every word of the case cards and notices, Swedish and English. Staff cards are short and factual; what the member
/// reads is kind and says what happens next.
/// </summary>
internal sealed record CaseTexts(
    string NewTitle,
    string ReminderTitle,
    string CaseTitle,
    string DetailsTitle,
    string DetailsSubtitle,
    string KindLabel,
    string PriorityLabel,
    string ReceivedLabel,
    string BodyLabel,
    string ContactLabel,
    string StatusLabel,
    string High,
    string Normal,
    string OutOfHours,
    string PartyAssignment,
    string StatusNew,
    string StatusAcknowledgedFormat,
    string StatusAssignedFormat,
    string StatusClosedFormat,
    string PrivacyNote,
    string Acknowledge,
    string Take,
    string ShowDetails,
    string HideDetails,
    string Assign,
    string AssignLabel,
    string AssignConfirm,
    string Note,
    string NoteLabel,
    string NoteSave,
    string Close,
    string OutcomeLabel,
    string CloseConfirm,
    string OccurredLabel,
    string PlaceLabel,
    string PerpetratorLabel,
    string AlsoLabel,
    string OngoingLabel,
    string RelativesLabel,
    string InjuredLabel,
    string EvidenceLabel,
    string NoEvidence,
    string PoliceLabel,
    string PhoneLabel,
    string ReporterLabel,
    string SentToLabel,
    string DescriptionLabel,
    string NotesLabel,
    string OutcomeTitle,
    string EscalatedFormat,
    string NotAuthorisedDetails,
    string NotAuthorisedAction,
    string AlreadyAcknowledgedFormat,
    string AlreadyClosed,
    string ChooseAssignee,
    string NoteEmpty,
    string TextTooLongFormat,
    string NotesFull,
    string OutcomeEmpty,
    string CaseGone,
    string NoAccess,
    string ReporterAcknowledgedTitle,
    string ReporterAcknowledgedFormat,
    string ReporterClosedTitle,
    string ReporterClosedFormat,
    string ReporterDanger,
    string FailedTitle,
    string FailedFormat,
    string FailedAdvice,
    string FailedReporterFormat,
    string FailedReporterAdvice,
    string RoleChannel,
    string RolePartyOfficer,
    string RoleLocalOfficer,
    string RoleOnCall,
    string RoleHeadOfSecurity,
    string PerpetratorKnown,
    string PerpetratorAnonymousAccount,
    string PerpetratorUnknown,
    string PoliceMade,
    string PoliceWantsHelp,
    string PoliceNotYet)
{
    public static CaseTexts For(Language language) => LocalizedTexts.For<CaseTexts>(language);

    /// <summary>The language of an organisation's shared cards (channel, staff): its profile's <c>language</c>, Swedish by default.</summary>
    public static Language LanguageOf(Organisation? organisation) => organisation?.Language ?? Language.Swedish;

    /// <summary>The member's answer about the perpetrator, as staff read it (the form asks "do you know who it is?").</summary>
    public static string Perpetrator(Perpetrator who, Language language)
    {
        var t = For(language);
        return who switch
        {
            Cases.Perpetrator.Known => t.PerpetratorKnown,
            Cases.Perpetrator.AnonymousAccount => t.PerpetratorAnonymousAccount,
            _ => t.PerpetratorUnknown,
        };
    }

    /// <summary>The member's answer about the police report, as staff read it.</summary>
    public static string Police(PoliceReport police, Language language)
    {
        var t = For(language);
        return police switch
        {
            PoliceReport.Made => t.PoliceMade,
            PoliceReport.WantsHelpToReport => t.PoliceWantsHelp,
            _ => t.PoliceNotYet,
        };
    }

    public string Role(RecipientRole role) => role switch
    {
        RecipientRole.SecurityChannel => RoleChannel,
        RecipientRole.PartySecurityOfficer => RolePartyOfficer,
        RecipientRole.LocalSecurityOfficer => RoleLocalOfficer,
        RecipientRole.OnCall => RoleOnCall,
        _ => RoleHeadOfSecurity,
    };
}
