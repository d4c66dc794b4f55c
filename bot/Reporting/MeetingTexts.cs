using Trygg.Conversation.Languages;
using Trygg.Conversation.Turns;

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
    string From)
{
    public static MeetingTexts For(Language language) => LocalizedTexts.For<MeetingTexts>(language);
}
