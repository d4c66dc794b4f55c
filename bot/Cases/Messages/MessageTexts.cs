using Trygg.Texts;

namespace Trygg.Cases.Messages;

/// <summary>
/// Every word of the case messages, Swedish and English. Staff read them in the organisation's language; the member in
/// their remembered one. The member is addressed by the security unit's name, never by a staff member's.
/// </summary>
internal sealed record MessageTexts(
    string Write,
    string WriteLabel,
    string WriteSend,
    string MessagesLabel,
    string StaffWroteFormat,
    string MemberWroteFormat,
    string MessageEmpty,
    string TooLongFormat,
    string CaseFull,
    string MessagesFact,
    string ChannelNewReply,
    string ChannelWaiting,
    string StaffNoticeTitleFormat,
    string StaffNoticeIntro,
    string ShowCase,
    string MemberTitleFormat,
    string MemberIntroFormat,
    string Reply,
    string ReplyLabelFormat,
    string ReplySend,
    string ReplyEmpty,
    string MemberDanger,
    string ReplySentTitle,
    string ReplySentFormat,
    string YouWroteFormat,
    string ThreadTitleFormat,
    string ThreadEmpty,
    string AskTitleFormat,
    string AskIntroFormat,
    string AskYes,
    string AskNo,
    string NotYours,
    string ShowMessages,
    string AskEditLabelFormat,
    string AskTooLongFormat,
    string ReplySavedTitle,
    string ReplySavedFormat,
    string ChannelAnswerTitleFormat,
    string ChannelAnswerIntro,
    string AnswerTooLongFormat)
{
    public static MessageTexts For(Language language) => LocalizedTexts.For<MessageTexts>(language);
}
