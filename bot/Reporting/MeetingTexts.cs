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
    public static readonly MeetingTexts Swedish = new(
        ReceiptTitle: "Tack. Ditt meddelande skickas nu till säkerhetsenheten.",
        ReceiptReferenceFormat: "Referens: {0}.",
        ReceiptContactFormat: "{0} hör av sig om de behöver veta mer.",
        ChannelTitle: "Möte som kan väcka starka reaktioner",
        ChannelIntro: "En förtroendevald berättar i förväg om ett möte eller beslut.",
        Reference: "Referens",
        When: "När",
        Body: "Organ",
        Topic: "Ämne",
        Reason: "Varför",
        Audience: "Väntad publik",
        From: "Från");

    public static readonly MeetingTexts English = new(
        ReceiptTitle: "Thank you. Your notice is on its way to the security unit.",
        ReceiptReferenceFormat: "Reference: {0}.",
        ReceiptContactFormat: "{0} gets in touch if they need to know more.",
        ChannelTitle: "A meeting that may provoke strong reactions",
        ChannelIntro: "An elected official tells you ahead of a meeting or decision.",
        Reference: "Reference",
        When: "When",
        Body: "Body",
        Topic: "Topic",
        Reason: "Why",
        Audience: "Expected audience",
        From: "From");

    public static MeetingTexts For(Language language) => language == Language.English ? English : Swedish;
}
