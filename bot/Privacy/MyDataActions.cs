using System.Globalization;
using Trygg.Cards;
using Trygg.Cases;
using Trygg.Conversation;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Training;
using Trygg.Texts;

namespace Trygg.Privacy;

/// <summary>
/// "Vilka uppgifter har ni om mig" / "what data do you have about me": a short card, in the member's language and only in
/// their own chat with Trygg, of everything Trygg holds about them (profile, reports with date and status, and under each
/// report its messages, evidence and police report (<see cref="MyCaseData"/>), a draft in progress, meeting notices,
/// training, language; for a member who moved, what their former organisation still keeps too), how long it is kept, and
/// whom to ask for erasure. Nothing of anyone else: every lookup is by the
/// asking member's own ids. The card is the whole answer: Trygg offers no separate export.
/// </summary>
internal sealed class MyDataActions(
    IOrganisationDirectory organisations,
    IMemberProfiles profiles,
    IIncidentStore incidents,
    IConversationStateStore state,
    TablePersonalData data,
    MyCaseData caseData,
    ICardRenderer cards) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [PrivacyVerbs.MyData];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var t = PrivacyTexts.For(turn.Language);
        if (turn.Scope != ConversationScope.Personal)
        {
            replies.SendText(t.OnlyInPersonalChat);
            return;
        }

        var key = profiles.KeyOf(turn);
        var profile = await profiles.GetAsync(turn, cancellationToken);
        var organisation = profile is null ? null : organisations.Find(profile.OrganisationId);
        var sections = new List<MyDataSection> { ProfileSection(profile, organisation, t) };

        // The profile's organisation first, then any other where the member reported before they moved.
        IReadOnlyList<ReportsIn> places = organisation is null
            ? []
            : await incidents.EverywhereAsync(organisations, turn.TenantId, key.UserId, organisation.Id, cancellationToken);

        var reports = places.SelectMany(p => p.Reports).ToList();
        sections.Add(new MyDataSection(
            t.ReportsHeading,
            [.. reports.Select(r => new MyDataFact(r.CaseNumber, $"{Date(r.SubmittedAt)} · {IncidentLabels.Kind(r.Kind, turn.Language)} · {IncidentLabels.Status(r.Status, turn.Language)}"))],
            reports.Count == 0 ? t.NoReports : null));
        foreach (var (place, placeReports) in places)
        {
            sections.AddRange(await caseData.SectionsAsync(turn.TenantId, place.Id, key.UserId, placeReports, turn.Language, cancellationToken));
        }

        var draft = await state.GetAsync<DraftStamp>(new StateKey(turn.TenantId, turn.ConversationId, turn.MemberId, DraftStamp.Slot), cancellationToken);
        sections.Add(new MyDataSection(t.DraftHeading, [], draft is { Sent: false }
            ? string.Format(CultureInfo.InvariantCulture, t.DraftFormat, Date(draft.UpdatedAt))
            : t.NoDraft));

        // The profile's organisation first; one the member left shows what it still keeps of them, under its name.
        foreach (var place in organisation is null ? Enumerable.Empty<Organisation>() : organisations.All.OrderBy(o => o.Id == organisation.Id ? 0 : 1))
        {
            var own = place.Id == organisation!.Id;
            string Heading(string heading) => own ? heading : $"{heading} · {place.Name}";
            var notices = await data.NoticesAsync(turn.TenantId, place.Id, key.UserId, cancellationToken);
            if (notices.Count > 0)
            {
                sections.Add(new MyDataSection(Heading(t.NoticesHeading), [.. notices.Select(n => new MyDataFact(n.Reference, Date(n.SubmittedAt)))], null));
            }

            var training = await data.TrainingAsync(turn.TenantId, place.Id, key.UserId, cancellationToken);
            if (own || training.Count > 0)
            {
                sections.Add(new MyDataSection(
                    Heading(t.TrainingHeading),
                    [.. training.Select(r => new MyDataFact(
                        $"{place.Training.FirstOrDefault(c => c.Id == r.CampaignId)?.Name ?? r.CampaignId} ({r.CycleKey})",
                        r.DoneAt is { } done ? string.Format(CultureInfo.InvariantCulture, t.TrainingDoneFormat, Date(done)) : t.TrainingNotDone))],
                    training.Count == 0 ? t.NoTraining : null));
            }
        }

        var member = await state.GetAsync<MemberState>(MemberState.KeyFor(turn), cancellationToken);
        sections.Add(new MyDataSection(t.LanguageLabel, [], member?.ChosenLanguage switch
        {
            Language.Swedish => t.LanguageChosenSwedish,
            Language.English => t.LanguageChosenEnglish,
            _ => t.LanguageFromTeams,
        }));

        var unit = organisation is null ? null : OrganisationContacts.SecurityUnit(organisation);
        replies.SendCard(cards.Render(MyDataCard.Template, new MyDataCard(
            t.MyDataTitle,
            t.MyDataIntro,
            sections,
            organisation is null
                ? t.RetentionUnknown
                : string.Format(CultureInfo.InvariantCulture, t.RetentionFormat, organisation.Retention.IncidentMonths, organisation.Retention.DraftDays),
            organisation is null
                ? t.ErasureUnknown
                : string.Format(CultureInfo.InvariantCulture, t.ErasureFormat, organisation.SecurityUnitName, organisation.Name, unit!.Phone),
            unit is { TelUri: { } tel } ? [new MyDataCall(string.Format(CultureInfo.InvariantCulture, t.CallFormat, unit.Phone), tel)] : [])));
    }

    private static MyDataSection ProfileSection(MemberProfile? profile, Organisation? organisation, PrivacyTexts t)
    {
        if (profile is null)
        {
            return new MyDataSection(t.ProfileHeading, [], t.NoProfile);
        }

        var facts = new List<MyDataFact>
        {
            new(t.NameLabel, profile.Name),
            new(t.MunicipalityLabel, organisation?.Name ?? profile.OrganisationId),
            new(t.PartyLabel, profile.Party),
            new(t.RoleLabel, profile.Role == MemberRole.SarskiltArvoderad ? t.Full : t.Leisure),
        };
        if (!string.IsNullOrEmpty(profile.Email))
        {
            facts.Insert(1, new(t.EmailLabel, profile.Email));
        }

        if (profile.BodyIds.Count > 0)
        {
            facts.Add(new(t.BodiesLabel, string.Join(", ", profile.BodyIds.Select(id => organisation?.FindBody(id)?.Name ?? id))));
        }

        if (!string.IsNullOrEmpty(profile.Phone))
        {
            facts.Add(new(t.PhoneLabel, profile.Phone));
        }

        return new MyDataSection(t.ProfileHeading, facts, null);
    }

    internal static string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, RetentionPolicy.Stockholm).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
