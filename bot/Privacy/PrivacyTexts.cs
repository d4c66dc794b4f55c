using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Privacy;

/// <summary>Every word of the privacy side, in Swedish and English: short, kind and plain.</summary>
internal sealed record PrivacyTexts(
    string MyDataTitle,
    string MyDataIntro,
    string ProfileHeading,
    string NoProfile,
    string NameLabel,
    string EmailLabel,
    string MunicipalityLabel,
    string PartyLabel,
    string RoleLabel,
    string BodiesLabel,
    string PhoneLabel,
    string ReportsHeading,
    string NoReports,
    string DraftHeading,
    string NoDraft,
    string DraftFormat,
    string NoticesHeading,
    string TrainingHeading,
    string NoTraining,
    string TrainingDoneFormat,
    string TrainingNotDone,
    string LanguageLabel,
    string LanguageChosenSwedish,
    string LanguageChosenEnglish,
    string LanguageFromTeams,
    string RetentionFormat,
    string RetentionUnknown,
    string ErasureFormat,
    string ErasureUnknown,
    string OnlyInPersonalChat,
    string Yes,
    string No,
    string Full,
    string Leisure,
    // The security unit's side.
    string EraseNotAllowed,
    string EraseInChannel,
    string EraseHowTo,
    string EraseNoMatchFormat,
    string EraseSeveral,
    string ConfirmTitleFormat,
    string ConfirmText,
    string ConfirmButton,
    string CancelButton,
    string CancelledText,
    string ErasedFormat,
    string ErasedNothing,
    string ErasedCardTitle,
    string CallFormat,
    // What an erasure found or did, counted: "{count} {one or many}".
    string ErasedCountsFormat,
    string ErasedProfile,
    string FoundCountsFormat,
    string ReportOne,
    string ReportMany,
    string NoticeOne,
    string NoticeMany,
    string TrainingRecordOne,
    string TrainingRecordMany,
    string ChatRecordOne,
    string ChatRecordMany)
{
    public static PrivacyTexts For(Language language) => LocalizedTexts.For<PrivacyTexts>(language);

    public static PrivacyTexts Swedish => For(Language.Swedish);

    public static PrivacyTexts English => For(Language.English);
}
