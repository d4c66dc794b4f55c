using System.Globalization;
using Trygg.Cards;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Cases.Messages;

/// <summary>A button on a message card (Action.Execute); the case travels with it so the handler can check who pressed.</summary>
internal sealed record MessageButton(string Title, string Verb, string CaseNumber, string OrganisationId, string Id = "", string Reply = "", string Text = "");

/// <summary>The "Svara" box: the id of the answer it will store, chosen now so a double click stores one answer.</summary>
internal sealed record ReplyBox(string Title, string Label, string Empty, string Send, int Max, string Id);

/// <summary>The member's typed text in the ask card, in a box they can change before sending it as their answer.</summary>
internal sealed record AnswerBox(string Id, string Label, int Max, string Value);

internal sealed record CaseMessagesCard(
    string Style,
    string Title,
    string Intro,
    string CaseNumber,
    string OrganisationId,
    IReadOnlyList<CaseFact> Messages,
    bool HasDanger,
    string Danger,
    IReadOnlyList<MessageButton> Buttons,
    bool CanReply,
    ReplyBox? Reply,
    bool CanEdit = false,
    AnswerBox? Edit = null)
{
    public const string Template = "Cases/CaseMessages";
}

/// <summary>
/// The cards of a case's messages: what the member receives (the unit's words, with "Svara"), their thread, the question
/// "is this a reply?", and the staff member's notice of an answer. Message text is shown as written (TextRun: no markdown).
/// </summary>
internal sealed class MessageCards(ICardRenderer renderer)
{
    /// <summary>Longest message from staff, in characters: a few paragraphs, well inside a table property.</summary>
    public const int MaxLength = 1_000;

    /// <summary>
    /// Longest answer from the member, in characters: the limit of the report's own description (ReportForm.MaxDescription,
    /// which this folder cannot name), so what a member could write in a report they can also write back.
    /// </summary>
    public const int AnswerMaxLength = 4_000;

    /// <summary>The ask card's box holding the typed text; not "reply", which its buttons' data carries (empty) for older cards.</summary>
    public const string AnswerInput = "answer";

    /// <summary>A message from the unit, as the member receives it.</summary>
    public AdaptiveCard ToMember(Case @case, Organisation organisation, CaseMessage message, Language language)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(message);
        var t = MessageTexts.For(language);
        var unit = organisation.SecurityUnitName;
        return Member(
            "emphasis",
            Format(t.MemberTitleFormat, unit),
            Format(t.MemberIntroFormat, unit, @case.File.CaseNumber),
            @case,
            organisation,
            [new CaseFact(Header(message.At, unit), message.Text)],
            t);
    }

    /// <summary>The whole conversation as the member reads it (from "mina rapporter", or after sending an answer).</summary>
    /// <param name="reachesNobody">The answer just sent could be given to nobody in person: the card says it is saved, not sent.</param>
    public AdaptiveCard Thread(Case @case, Organisation organisation, IReadOnlyList<CaseMessage> messages, Language language, bool justSent, bool reachesNobody = false)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(messages);
        var t = MessageTexts.For(language);
        var unit = organisation.SecurityUnitName;
        var number = @case.File.CaseNumber;
        return Member(
            justSent ? "good" : "default",
            !justSent ? Format(t.ThreadTitleFormat, number) : reachesNobody ? t.ReplySavedTitle : t.ReplySentTitle,
            !justSent ? (messages.Count == 0 ? t.ThreadEmpty : string.Empty) : Format(reachesNobody ? t.ReplySavedFormat : t.ReplySentFormat, unit, number),
            @case,
            organisation,
            [.. messages.Select(m => new CaseFact(m.Direction == MessageDirection.FromMember ? Format(t.YouWroteFormat, CaseCards.Local(m.At)) : Header(m.At, unit), m.Text))],
            t);
    }

    /// <summary>
    /// "Is this a reply to the security unit?": the member typed while the unit waits for them. The text is in a box they can
    /// change before sending; a text longer than an answer may be is not put in a box that would cut it: the card says so
    /// and offers only "something else".
    /// </summary>
    public AdaptiveCard Ask(string caseNumber, Organisation organisation, string text, Language language)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(text);
        var t = MessageTexts.For(language);
        var unit = organisation.SecurityUnitName;
        var fits = text.Length <= AnswerMaxLength;
        var no = new MessageButton(t.AskNo, Conversation.Awaiting.AwaitedAnswer.AsTypedVerb, caseNumber, organisation.Id, Text: text);
        return renderer.Render(CaseMessagesCard.Template, new CaseMessagesCard(
            "emphasis",
            Format(t.AskTitleFormat, unit),
            fits ? Format(t.AskIntroFormat, unit, caseNumber) : Format(t.AskTooLongFormat, unit, caseNumber, AnswerMaxLength),
            caseNumber,
            organisation.Id,
            [],
            HasDanger: true,
            t.MemberDanger,
            fits ? [new MessageButton(t.AskYes, MessageVerbs.Reply, caseNumber, organisation.Id, Id: CaseMessageEntity.NewId()), no] : [no],
            CanReply: false,
            Reply: null,
            CanEdit: fits,
            Edit: fits ? new AnswerBox(AnswerInput, Format(t.AskEditLabelFormat, AnswerMaxLength), AnswerMaxLength, text) : null));
    }

    /// <summary>
    /// Nobody who may read the case could be given the member's answer in person: the security channel hears that an answer
    /// came, never what it says; "Visa ärendet" shows it to whoever has access.
    /// </summary>
    public AdaptiveCard ChannelAnswerNotice(Case @case, Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(organisation);
        var t = MessageTexts.For(CaseTexts.LanguageOf(organisation));
        var number = @case.File.CaseNumber;
        return ToStaff("attention", Format(t.ChannelAnswerTitleFormat, number), t.ChannelAnswerIntro, number, organisation, [], t);
    }

    /// <summary>The member's answer, 1:1 to the staff member who wrote to them, in the organisation's language.</summary>
    public AdaptiveCard StaffNotice(Case @case, Organisation organisation, CaseMessage answer)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(answer);
        var t = MessageTexts.For(CaseTexts.LanguageOf(organisation));
        var number = @case.File.CaseNumber;
        return ToStaff(
            "emphasis",
            Format(t.StaffNoticeTitleFormat, number),
            t.StaffNoticeIntro,
            number,
            organisation,
            [new CaseFact(Format(t.MemberWroteFormat, CaseCards.Local(answer.At)), answer.Text)],
            t);
    }

    /// <summary>A card to staff about the member's answer, with "Visa ärendet".</summary>
    private AdaptiveCard ToStaff(string style, string title, string intro, string number, Organisation organisation, IReadOnlyList<CaseFact> facts, MessageTexts t) =>
        renderer.Render(CaseMessagesCard.Template, new CaseMessagesCard(
            style,
            title,
            intro,
            number,
            organisation.Id,
            facts,
            HasDanger: false,
            string.Empty,
            [new MessageButton(t.ShowCase, CaseVerbs.Details, number, organisation.Id)],
            CanReply: false,
            Reply: null));

    /// <summary>The thread as staff read it on the case details: who wrote, when, and the text.</summary>
    public static IReadOnlyList<CaseFact> ForStaff(IReadOnlyList<CaseMessage> messages, Language language)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var t = MessageTexts.For(language);
        return [.. messages.Select(m => new CaseFact(
            m.Direction == MessageDirection.FromMember
                ? Format(t.MemberWroteFormat, CaseCards.Local(m.At))
                : Format(t.StaffWroteFormat, CaseCards.Local(m.At), m.StaffName ?? string.Empty),
            m.Text))];
    }

    /// <summary>
    /// What the channel card may say about the messages: that the member answered, or that the unit waits for them; never
    /// the text. Null when there are none.
    /// </summary>
    public static CaseFact? ChannelFact(IReadOnlyList<CaseMessage> messages, Language language)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return null;
        }

        var t = MessageTexts.For(language);
        var last = messages[^1];
        return new CaseFact(
            t.MessagesFact,
            last.Direction == MessageDirection.FromMember ? $"{t.ChannelNewReply} ({CaseCards.Local(last.At)})" : t.ChannelWaiting);
    }

    private AdaptiveCard Member(string style, string title, string intro, Case @case, Organisation organisation, IReadOnlyList<CaseFact> messages, MessageTexts t) =>
        renderer.Render(CaseMessagesCard.Template, new CaseMessagesCard(
            style,
            title,
            intro,
            @case.File.CaseNumber,
            organisation.Id,
            messages,
            HasDanger: true,
            t.MemberDanger,
            [],
            CanReply: true,
            new ReplyBox(t.Reply, Format(t.ReplyLabelFormat, AnswerMaxLength), t.ReplyEmpty, t.ReplySend, AnswerMaxLength, CaseMessageEntity.NewId())));

    private static string Header(DateTimeOffset at, string unit) => $"{CaseCards.Local(at)} · {unit}";

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
