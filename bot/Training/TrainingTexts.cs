using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Training;

/// <summary>
/// Every word of the training feature (TrainingTexts.resx, TrainingTexts.en.resx): the member's reminders and status,
/// and the security unit's training status and registration. A parameter ending in Format is a
/// <see cref="string.Format(IFormatProvider, string, object)"/> pattern.
/// </summary>
internal sealed record TrainingTexts(
    string ElectionYearText,
    string YearlyTitle,
    string YearlyTextFormat,
    string MandateTitle,
    string MandateTextFormat,
    string NoInvitation,
    string DeadlineFormat,
    string Snooze,
    string Open,
    string Done,
    string DoneTextFormat,
    string SnoozedTextFormat,
    string NoProfile,
    string Unknown,
    string StatusTitle,
    string StatusEmpty,
    string DoneOnFormat,
    string RegisteredByUnit,
    string NotDoneFormat,
    string UnitForStaffOnly,
    string UnitInChannelOnly,
    string UnitTitleFormat,
    string UnitEmpty,
    string UnitFileTitleFormat,
    string UnitFileSent,
    string UnitFileNotSent,
    string UnitSummaryFormat,
    string UnitRowFormat,
    string UnitFullTimeNotDoneFormat,
    string UnitChartTitle,
    string UnitRoleFullTime,
    string UnitRoleLeisure,
    string RegisterHow,
    string RegisterNoMatchFormat,
    string RegisterSeveralFormat,
    string RegisteredFormat)
{
    public static TrainingTexts For(Language language) => LocalizedTexts.For<TrainingTexts>(language);
}
