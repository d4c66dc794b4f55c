using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Reporting;

/// <summary>The words of a sensitive-meeting notice after it is sent: the member's receipt and the security channel's card.</summary>
internal sealed record MeetingTexts(
    string ReceiptTitle,
    string ReceiptReferenceFormat,
    string ReceiptContactFormat,
    string ChannelTitle,
    string ChannelIntro,
    string Reference,
    string When,
    string Body,
    string Topic,
    string Reason,
    string Audience,
    string From,
    string FormTitle,
    string FormIntro,
    string FormFixBelow,
    string FormDate,
    string FormTime,
    string FormBody,
    string FormTopic,
    string FormReason,
    string FormAudience,
    string FormAudiencePlaceholder,
    string FormSend,
    string ErrorDateTime,
    string ErrorPast,
    string ErrorChoose,
    string ErrorTopic,
    string ErrorReason,
    string ErrorTooLongFormat)
{
    public static MeetingTexts For(Language language) => LocalizedTexts.For<MeetingTexts>(language);
}
