using System.Globalization;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Cases;
using Trygg.Cases.Rules;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Reporting;

internal sealed record Choice(string Title, string Value);

/// <summary>One input on a card: label, the member's value, an error next to it (empty = none), choices.</summary>
internal sealed record FieldData(string Label, string Value, string Error, IReadOnlyList<Choice> Choices, string Placeholder = "", string Max = "");

internal sealed record Line(string Text);

internal sealed record Fact(string Title, string Value);

internal sealed record ButtonData(string Title, string Verb);

/// <summary>A button that opens an address: here always <c>tel:</c>, so a number is one tap away.</summary>
internal sealed record CallLink(string Title, string Url);

internal sealed record MessageCard(string Style, string Title, IReadOnlyList<Line> Lines, IReadOnlyList<ButtonData> Buttons, string DraftId, IReadOnlyList<CallLink> Links)
{
    public const string Template = "Reporting/Message";
}

internal sealed record WhatCard(
    string Title, string Intro, string Message,
    FieldData Kind, FieldData Date, FieldData Time, FieldData Place, FieldData Platform, FieldData Assignment, FieldData Description,
    string Next, string Cancel, string DraftId, string Tag)
{
    public const string Template = "Reporting/ReportWhat";
}

internal sealed record MoreCard(
    string Title, string Intro, string Message,
    FieldData Perpetrator, string TogglesLabel, FieldData Ongoing, FieldData Relatives, FieldData Injured,
    FieldData Evidence, FieldData Police, FieldData Diary, FieldData Contact, FieldData InformParty,
    string Preview, string Back, string Cancel, string DraftId, string Tag)
{
    public const string Template = "Reporting/ReportMore";
}

internal sealed record PreviewCard(
    string Title, string Intro, IReadOnlyList<Fact> Facts, string DescriptionLabel, string Description,
    string RecipientsTitle, IReadOnlyList<Line> Recipients, CallNowData CallNow, string Send, string Edit, string Cancel, string DraftId)
{
    public const string Template = "Reporting/Preview";
}

/// <summary>Whom the member can call now, with tap-to-call buttons. All empty when the card shows none (it hides it).</summary>
internal sealed record CallNowData(string Title, string Intro, string Contact, string Danger, IReadOnlyList<CallLink> Links)
{
    public static readonly CallNowData None = new("", "", "", "", []);
}

/// <param name="RefreshUserIds">The member's Teams id: Teams asks for the receipt again (<see cref="ReportingVerbs.Receipt"/>) when they look at it, so the delivery states stay true.</param>
/// <param name="Files">"2 filer bifogade"; empty (hidden) when the case holds no files.</param>
internal sealed record ReceiptCard(
    string Title, string CaseLabel, string CaseNumber, string SentTo, IReadOnlyList<Line> Recipients, CallNowData CallNow,
    string NextTitle, IReadOnlyList<Line> Steps, IReadOnlyList<string> RefreshUserIds, string PoliceHelp, string Files = "")
{
    public const string Template = "Reporting/Receipt";
}

/// <param name="Messages">The button to the case's messages with the security unit (Cases/Messages), where the member can also write.</param>
internal sealed record MyCase(string CaseNumber, string Line, string OrganisationId = "", string Messages = "");

/// <summary>One of the member's reports and the organisation it was filed in.</summary>
internal sealed record OwnCase(IncidentSummary Summary, string OrganisationId);

/// <param name="AddEvidence">The label of each case's "Lägg till bevis" (verb <c>evidence.add</c>, EvidenceFiles/).</param>
internal sealed record MyReportsCard(string Title, string Empty, IReadOnlyList<MyCase> Cases, string PoliceHelp, string AddEvidence)
{
    public const string Template = "Reporting/MyReports";
}

/// <summary>Builds the report conversation's cards from the draft, the member's profile and the texts.</summary>
internal sealed class ReportCards(ICardRenderer renderer, IRoutingRules rules, IOfficeCalendar calendar)
{
    public AdaptiveCard Safety(Language language, string draftId)
    {
        var t = ReportingTexts.For(language);
        return renderer.Render(MessageCard.Template, new MessageCard(
            "default", t.SafetyTitle, [new Line(t.SafetyText)],
            [new ButtonData(t.Yes, ReportingVerbs.Safe), new ButtonData(t.No, ReportingVerbs.Unsafe)], draftId,
            [Call(OrganisationContacts.Emergency, t)]));
    }

    /// <summary>
    /// "Nej, jag är inte säker": 112 first, advice that fits indoors and outdoors, and the number of the member's own
    /// organisation to call after 112 (<paramref name="callNow"/>, when the profile is known), each a tap-to-call button.
    /// </summary>
    public AdaptiveCard Acute(Language language, string draftId, ContactNumber? callNow = null)
    {
        var t = ReportingTexts.For(language);
        var lines = t.AcuteLines.Select(l => new Line(l)).ToList();
        var links = new List<CallLink> { Call(OrganisationContacts.Emergency, t) };
        if (callNow is { TelUri: not null })
        {
            lines.Add(new Line(string.Format(CultureInfo.InvariantCulture, t.AcuteThenCallFormat, callNow.Name, callNow.Phone)));
            links.Add(Call(callNow, t));
        }

        return renderer.Render(MessageCard.Template, new MessageCard(
            "attention", t.AcuteTitle, lines, [new ButtonData(t.SafeNow, ReportingVerbs.Safe)], draftId, links));
    }

    public AdaptiveCard Message(string title, string text, string draftId = "") =>
        renderer.Render(MessageCard.Template, new MessageCard("default", title, [new Line(text)], [], draftId, []));

    private static CallLink Call(ContactNumber contact, ReportingTexts t) =>
        new(string.Format(CultureInfo.InvariantCulture, t.CallFormat, contact.Phone), contact.TelUri!);

    public AdaptiveCard What(Language language, ReportDraft draft, MemberProfile profile, Organisation organisation, IReadOnlyDictionary<string, string> errors, DateTimeOffset now)
    {
        var t = ReportingTexts.For(language);
        var v = draft.Values;
        var local = TimeZoneInfo.ConvertTime(now, ReportForm.Stockholm);
        string Err(string f) => errors.TryGetValue(f, out var e) ? e : string.Empty;
        string Val(string f, string fallback = "") => v.TryGetValue(f, out var x) && x is not null ? x : fallback;

        return renderer.Render(WhatCard.Template, new WhatCard(
            t.WhatTitle, t.WhatIntro, errors.Count > 0 ? t.FixBelow : string.Empty,
            new FieldData(t.KindLabel, Val("kind"), Err("kind"), Choices<IncidentKind>(k => IncidentLabels.Kind(k, language))),
            new FieldData(t.WhenDateLabel, Val("date", local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Err("date"), [], Max: local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new FieldData(t.WhenTimeLabel, Val("time", local.ToString("HH:mm", CultureInfo.InvariantCulture)), string.Empty, []),
            new FieldData(t.PlaceLabel, Val("place"), Err("place"), Choices<IncidentPlace>(p => IncidentLabels.Place(p, language))),
            new FieldData(t.PlatformLabel, Val("platform"), Err("platform"), [], t.PlatformPlaceholder),
            new FieldData(t.AssignmentLabel, Val("assignment"), Err("assignment"), Assignments(profile, organisation, t)),
            new FieldData($"{t.DescriptionLabel}. {t.DescriptionLimit}", Val("description"), Err("description"), [], t.DescriptionPlaceholder),
            t.Next, t.Cancel, draft.Id, ReportDraft.InputTag('w', draft.UpdatedAt)));
    }

    public AdaptiveCard More(Language language, ReportDraft draft, MemberProfile profile, Organisation organisation, IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var t = ReportingTexts.For(language);
        var v = draft.Values;
        string Err(string f) => errors.TryGetValue(f, out var e) ? e : string.Empty;
        string Val(string f, string fallback = "") => v.TryGetValue(f, out var x) && x is not null ? x : fallback;

        return renderer.Render(MoreCard.Template, new MoreCard(
            t.MoreTitle, t.MoreIntro, errors.Count > 0 ? t.FixBelow : string.Empty,
            new FieldData(t.PerpetratorLabel, Val("perpetrator", "unknown"), Err("perpetrator"), Choices<Perpetrator>(p => IncidentLabels.Perpetrator(p, language))),
            t.TogglesLabel,
            new FieldData(t.OngoingLabel, Val("ongoing", "false"), string.Empty, []),
            new FieldData(t.RelativesLabel, Val("relatives", "false"), string.Empty, []),
            new FieldData(t.InjuredLabel, Val("injured", "false"), string.Empty, []),
            new FieldData(t.EvidenceLabel, Val("evidence"), Err("evidence"), Choices<Evidence>(e => IncidentLabels.Evidence(e, language))),
            new FieldData(t.PoliceLabel, Val("police", "notYet"), Err("police"), Choices<PoliceReport>(p => IncidentLabels.Police(p, language))),
            new FieldData(t.DiaryLabel, Val("diary"), Err("diary"), [], t.DiaryPlaceholder),
            new FieldData(t.ContactLabel, Val("contact", "teams"), Err("contact"), Choices<ContactWish>(c => IncidentLabels.Contact(c, language))),
            InformParty(RoutingRules.PartyOfficers(organisation, profile.Party), Val(ReportForm.InformParty, "true"), Err(ReportForm.InformParty), t),
            t.PreviewButton, t.Back, t.Cancel, draft.Id, ReportDraft.InputTag('m', draft.UpdatedAt)));
    }

    /// <summary>
    /// The file step after "Vad hände?": files sent in the chat now go with the report. <paramref name="files"/> is how
    /// many the draft holds, shown once there is one; the same verb goes on, named "Hoppa över" before any file and
    /// "Klart" after.
    /// </summary>
    public AdaptiveCard Files(Language language, string draftId, int files)
    {
        var t = FormFilesTexts.For(language);
        var lines = t.Lines.Select(l => new Line(l)).ToList();
        if (files > 0)
        {
            lines.Add(new Line("**" + t.Count(files) + "**"));
        }

        return renderer.Render(MessageCard.Template, new MessageCard(
            "default", t.Title, lines, [new ButtonData(files > 0 ? t.Done : t.Skip, ReportingVerbs.FilesDone), new ButtonData(ReportingTexts.For(language).Cancel, ReportingVerbs.Cancel)], draftId, []));
    }

    /// <summary>
    /// The report as the member will send it, with exactly the recipients the routing rules decide at <paramref name="now"/>
    /// and the number of files that go with it.
    /// </summary>
    public AdaptiveCard Preview(Language language, ReportDraft draft, IncidentDetails d, MemberProfile profile, Organisation organisation, DateTimeOffset now, int files = 0)
    {
        var t = ReportingTexts.For(language);
        var local = TimeZoneInfo.ConvertTime(d.OccurredAt, ReportForm.Stockholm);
        var facts = new List<Fact>
        {
            new(t.KindLabel, IncidentLabels.Kind(d.Kind, language)),
            new(t.PreviewWhen, local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            new(t.PlaceLabel, IncidentLabels.Place(d.Place, language) + (d.Platform is null ? string.Empty : $" ({d.Platform})")),
            new(t.PreviewAssignment, AssignmentName(d.Assignment, profile, organisation, t)),
            new(t.PerpetratorLabel, IncidentLabels.Perpetrator(d.Perpetrator, language)),
        };
        var flags = new List<string>();
        if (d.Ongoing) { flags.Add(t.OngoingLabel); }
        if (d.RelativesAffected) { flags.Add(t.RelativesLabel); }
        if (d.Injured) { flags.Add(t.InjuredLabel); }
        if (flags.Count > 0)
        {
            facts.Add(new(t.PreviewAlso, string.Join(", ", flags)));
        }

        facts.Add(new(t.EvidenceLabel, d.Evidence.Count == 0 ? t.PreviewNothingYet : string.Join(", ", d.Evidence.Select(e => IncidentLabels.Evidence(e, language)))));
        facts.Add(new(t.PoliceLabel, IncidentLabels.Police(d.PoliceReport, language) + (d.PoliceDiaryNumber is null ? string.Empty : $" ({d.PoliceDiaryNumber})")));
        facts.Add(new(t.PreviewContact, IncidentLabels.Contact(d.Contact, language)));
        if (files > 0)
        {
            var f = FormFilesTexts.For(language);
            facts.Add(new(f.PreviewLabel, f.Count(files)));
        }

        var decision = rules.Decide(ReportForm.RoutingRequest(organisation, profile, d, now));
        return renderer.Render(PreviewCard.Template, new PreviewCard(
            t.PreviewTitle, t.PreviewIntro, facts, t.DescriptionLabel, d.Description,
            t.RecipientsTitle, [.. Recipients(decision, organisation, profile, d, language).Select(r => new Line(r))],
            CallNow(decision, t), t.Send, t.Edit, t.Cancel, draft.Id));
    }

    /// <summary>
    /// The receipt names whom the report goes to (the rules' decision at the time it was submitted) and, per recipient,
    /// whether it is on its way, delivered or did not arrive (<paramref name="deliveries"/>, from the outbox).
    /// </summary>
    /// <param name="memberTeamsId">The member's Teams id, for the card's automatic refresh; null: no refresh.</param>
    /// <param name="now">When the member reads it (whom to call depends on the office hours then); the submission time when null.</param>
    /// <param name="files">How many files the case holds ("2 filer bifogade").</param>
    public AdaptiveCard Receipt(
        Language language, Incident incident, MemberProfile profile, Organisation organisation,
        IReadOnlyList<RecipientDelivery>? deliveries = null, string? memberTeamsId = null, DateTimeOffset? now = null, int files = 0)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var t = ReportingTexts.For(language);
        var words = DeliveryStateTexts.For(language);
        var decision = rules.Decide(ReportForm.RoutingRequest(organisation, profile, incident.Details, incident.SubmittedAt));
        var names = Recipients(decision, organisation, profile, incident.Details, language);
        var lines = decision.Recipients.Select((r, i) => RecipientDelivery.Of(deliveries, r.Role, r.Name) is { } state
            ? new Line($"• {names[i]} – {words.Member(state)}")
            : new Line("• " + names[i]));
        return renderer.Render(ReceiptCard.Template, new ReceiptCard(
            t.ReceiptTitle, t.CaseLabel, incident.CaseNumber,
            t.SentTo, [.. lines],
            ReceiptCallNow(organisation, now ?? incident.SubmittedAt, t),
            t.NextTitle, [.. NextSteps.For(incident.Details, language, decision.Recipients.Any(r => r.Role == RecipientRole.PartySecurityOfficer)).Select(s => new Line("• " + s))],
            string.IsNullOrEmpty(memberTeamsId) ? [] : [memberTeamsId],
            Police.PoliceTexts.For(language).Open,
            FormFilesTexts.For(language).Count(files)));
    }

    public AdaptiveCard MyReports(Language language, IReadOnlyList<IncidentSummary> cases, string organisationId = "") =>
        MyReports(language, [.. cases.Select(c => new OwnCase(c, organisationId))]);

    /// <summary>The member's reports, each with the organisation it was filed in (a member who moved has some in another).</summary>
    public AdaptiveCard MyReports(Language language, IReadOnlyList<OwnCase> cases)
    {
        var t = ReportingTexts.For(language);
        var messages = Cases.Messages.MessageTexts.For(language).ShowMessages;
        return renderer.Render(MyReportsCard.Template, new MyReportsCard(
            t.MyReportsTitle, t.MyReportsEmpty,
            [.. cases.Select(own => new MyCase(
                own.Summary.CaseNumber,
                $"{TimeZoneInfo.ConvertTime(own.Summary.SubmittedAt, ReportForm.Stockholm).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} · {IncidentLabels.Kind(own.Summary.Kind, language)} · {IncidentLabels.Status(own.Summary.Status, language)}",
                own.OrganisationId,
                messages))],
            Police.PoliceTexts.For(language).Open,
            t.AddEvidence));
    }

    /// <summary>
    /// One short line per recipient of <paramref name="decision"/>, in its order: who, and why they are told. The
    /// security unit reads as the member knows it (its name and the municipality), not as its channel's name.
    /// </summary>
    public static IReadOnlyList<string> Recipients(RoutingDecision decision, Organisation organisation, MemberProfile profile, IncidentDetails details, Language language)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(details);
        var t = ReportingTexts.For(language);
        string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
        return [.. decision.Recipients.Select(r => r.Role switch
        {
            RecipientRole.SecurityChannel => Format(t.RecipientUnitFormat, organisation.SecurityUnitName, organisation.Name),
            RecipientRole.PartySecurityOfficer => Format(t.RecipientPartyFormat, r.Name, profile.Party),
            RecipientRole.LocalSecurityOfficer => Format(t.RecipientLocalFormat, r.Name, organisation.FindBody(details.Assignment)?.Name ?? details.Assignment),
            RecipientRole.OnCall => Format(t.RecipientOnCallFormat, r.Name),
            _ => r.Name,
        })];
    }

    private static CallNowData CallNow(RoutingDecision decision, ReportingTexts t) =>
        decision.CallNow is { } onCall
            ? new CallNowData(t.CallNowTitle, t.CallNowIntro, $"{onCall.Name}: **{onCall.Phone}**", t.CallNowDanger, [.. CallLinks(onCall.Phone, t)])
            : CallNowData.None;

    /// <summary>The receipt always names a number: the security unit while its office is open, the on-call line otherwise.</summary>
    private CallNowData ReceiptCallNow(Organisation organisation, DateTimeOffset at, ReportingTexts t)
    {
        var contact = OrganisationContacts.CallNow(organisation, calendar, at);
        var intro = contact.Kind == ContactKind.OnCall ? t.CallNowIntro : t.CallNowOpenIntro;
        return new CallNowData(t.CallNowTitle, intro, $"{contact.Name}: **{contact.Phone}**", t.CallNowDanger, [.. CallLinks(contact.Phone, t)]);
    }

    private static IEnumerable<CallLink> CallLinks(string? phone, ReportingTexts t)
    {
        if (OrganisationContacts.TelUri(phone) is { } tel)
        {
            yield return new CallLink(string.Format(CultureInfo.InvariantCulture, t.CallFormat, phone), tel);
        }

        yield return Call(OrganisationContacts.Emergency, t);
    }

    /// <summary>The question about the party's security officer; an empty label hides it when the party has none.</summary>
    private static FieldData InformParty(IReadOnlyList<StaffPerson> officers, string value, string error, ReportingTexts t)
    {
        if (officers.Count == 0)
        {
            return new FieldData(string.Empty, value, string.Empty, []);
        }

        var names = officers.Count == 1
            ? officers[0].Name
            : $"{string.Join(", ", officers.Take(officers.Count - 1).Select(o => o.Name))} {t.And} {officers[^1].Name}";
        var label = string.Format(CultureInfo.InvariantCulture, officers.Count == 1 ? t.InformPartyOneFormat : t.InformPartyManyFormat, names);
        return new FieldData(label, value, error, [new Choice(t.InformPartyYes, "true"), new Choice(t.InformPartyNo, "false")]);
    }

    public static IReadOnlyList<string> AssignmentCodes(MemberProfile profile) => [.. profile.BodyIds, IncidentDetails.PartyAssignment];

    private static List<Choice> Assignments(MemberProfile profile, Organisation organisation, ReportingTexts t) =>
        [.. AssignmentCodes(profile).Select(code => new Choice(AssignmentName(code, profile, organisation, t), code))];

    private static string AssignmentName(string code, MemberProfile profile, Organisation organisation, ReportingTexts t) =>
        code == IncidentDetails.PartyAssignment
            ? $"{t.PartyAssignment} ({profile.Party})"
            : organisation.FindBody(code)?.Name ?? code;

    private static List<Choice> Choices<T>(Func<T, string> label) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new Choice(label(v), IncidentLabels.Code(v)))];
}
