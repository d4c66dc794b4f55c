using Microsoft.Extensions.Hosting;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Trygg.Conversation.Turns;
using Trygg.Reporting;
using Trygg.Testing;
using Trygg.Cases.Delivery;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Cases;

/// <summary>The case card's buttons against the real tables: who may do what, what changes, what is audited and told.</summary>
public sealed class CaseActionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private IHost _bot = null!;
    private Incident _incident = null!;

    private string Case => _incident.CaseNumber;

    public async Task InitializeAsync()
    {
        _bot = DeliverySteps.Start(azurite, AzuriteFixture.NewTablePrefix(), _time);
        await _bot.RegisterChannelAsync();
        _incident = await _bot.SubmitAsync(description: "Någon skrev att de vet var jag bor.");
        await _bot.DrainAsync();
    }

    public Task DisposeAsync()
    {
        _bot.Dispose();
        return Task.CompletedTask;
    }

    private async Task<Case> CurrentAsync() => (await _bot.Cases.GetAsync(DeliverySteps.Tenant, _bot.Organisation.Id, Case, default))!;

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() => _bot.Cases.ListAuditAsync(DeliverySteps.Tenant, _bot.Organisation.Id, Case, default);

    private static string Message(TurnReplies replies) => Assert.IsType<ExecuteResult.Message>(replies.ExecuteResult).Value;

    private static JsonNode Card(TurnReplies replies) => JsonNode.Parse(Assert.IsType<ExecuteResult.ReplaceCard>(replies.ExecuteResult).Value.Json)!;

    [Fact]
    public async Task ShowDetails_Staff_GetsTheDetailCard_AndTheViewIsAudited()
    {
        var replies = await _bot.PressAsync(CaseVerbs.Details, Case, TestOrganisations.Lynne);

        Assert.Contains("vet var jag bor", CardText.Of(Card(replies)), StringComparison.Ordinal);
        var audit = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.ViewedDetails, true, TestOrganisations.Lynne, "Lynne Robbins"), (audit.Action, audit.Allowed, audit.ActorAadObjectId, audit.ActorName));
    }

    [Theory]
    [InlineData(TestOrganisations.Megan)]
    [InlineData(TestOrganisations.Outsider)]
    public async Task ShowDetails_NotStaff_RefusedAndAudited_CardUnchanged(string? aad)
    {
        var replies = await _bot.PressAsync(CaseVerbs.Details, Case, aad, name: "Nyfiken Person");

        Assert.Equal("Detaljerna visas bara för behörig säkerhetspersonal. Försöket har noterats.", Message(replies));
        var audit = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.ViewedDetails, false, "Nyfiken Person"), (audit.Action, audit.Allowed, audit.ActorName));
        Assert.Empty(_bot.Messenger.Updates);
    }

    /// <summary>
    /// The router answers a turn without an Entra object id before any feature (DeployedAuthMatrixTests): should one reach
    /// the case verbs anyway, nothing is recorded under the Teams user id (from.id).
    /// </summary>
    [Fact]
    public async Task ShowDetails_NoEntraObjectId_NothingAuditedUnderTheTeamsUserId()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _bot.PressAsync(CaseVerbs.Details, Case, aad: null, name: "Nyfiken Person"));

        Assert.Empty(await AuditAsync());
        Assert.Empty(_bot.Messenger.Updates);
    }

    [Theory]
    [InlineData(CaseVerbs.Acknowledge, AuditAction.Acknowledged)]
    [InlineData(CaseVerbs.Take, AuditAction.Took)]
    [InlineData(CaseVerbs.Close, AuditAction.Closed)]
    public async Task Action_NotStaff_RefusedAudited_NothingChanges(string verb, AuditAction action)
    {
        var replies = await _bot.PressAsync(verb, Case, TestOrganisations.Outsider, inputs: new() { ["outcome"] = "Stängt av mig." });

        Assert.Equal("Bara behörig säkerhetspersonal kan hantera ärendet. Försöket har noterats.", Message(replies));
        Assert.Equal(CaseStatus.New, (await CurrentAsync()).File.Status);
        var audit = Assert.Single(await AuditAsync());
        Assert.Equal((action, false, TestOrganisations.Outsider), (audit.Action, audit.Allowed, audit.ActorAadObjectId));
        Assert.Empty(_bot.Messenger.Updates);
    }

    [Fact]
    public async Task Acknowledge_UpdatesCaseAndEveryCard_AuditsIt_AndTellsTheMemberOnce()
    {
        var replies = await _bot.PressAsync(CaseVerbs.Acknowledge, Case, TestOrganisations.Alex);

        var card = CardText.Of(Card(replies));
        Assert.Contains("Mottagen av Alex Wilber", card, StringComparison.Ordinal);
        Assert.DoesNotContain("cases.ack", card, StringComparison.Ordinal);
        var current = await CurrentAsync();
        Assert.Equal((CaseStatus.Acknowledged, IncidentStatus.Acknowledged), (current.File.Status, current.Incident.Status));
        var mine = await _bot.Get<IIncidentStore>().ListForReporterAsync(DeliverySteps.Tenant, _bot.Organisation.Id, "reporter-aad", default);
        Assert.Equal(IncidentStatus.Acknowledged, Assert.Single(mine).Status);

        // The channel card and Megan's 1:1 card are replaced for everyone.
        Assert.Equal(2, _bot.Messenger.Updates.Count);
        Assert.All(_bot.Messenger.Updates, u => Assert.Contains("Mottagen av Alex Wilber", CardText.Of(u.Card.Json), StringComparison.Ordinal));

        await _bot.PressAsync(CaseVerbs.Acknowledge, Case, TestOrganisations.Lynne);
        await _bot.DrainAsync();
        var told = Assert.Single(_bot.Messenger.SentTo("a:member-chat"));
        Assert.Contains("har tagit emot din rapport " + Case, told.Text, StringComparison.Ordinal);
        Assert.Equal([AuditAction.Acknowledged], (await AuditAsync()).Select(a => a.Action));
    }

    [Fact]
    public async Task TwoOfficersAcknowledgeAtOnce_OneAcknowledgementOneNotice()
    {
        await Task.WhenAll(
            _bot.PressAsync(CaseVerbs.Acknowledge, Case, TestOrganisations.Alex),
            _bot.PressAsync(CaseVerbs.Acknowledge, Case, TestOrganisations.Lynne));
        await _bot.DrainAsync();

        Assert.Single(await AuditAsync());
        Assert.Single(_bot.Messenger.SentTo("a:member-chat"));
    }

    [Fact]
    public async Task TakeAssignNoteClose_WholeCase()
    {
        await _bot.PressAsync(CaseVerbs.Take, Case, TestOrganisations.Alex);
        Assert.Equal(("Alex Wilber", CaseStatus.Assigned), ((await CurrentAsync()).File.Assignee!.Name, (await CurrentAsync()).File.Status));

        _time.Advance(TimeSpan.FromMinutes(1));
        var assigned = await _bot.PressAsync(CaseVerbs.Assign, Case, TestOrganisations.Alex, view: "detail", inputs: new() { ["assignee"] = TestOrganisations.Lynne });
        Assert.Contains("Handläggs av Lynne Robbins", CardText.Of(Card(assigned)), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(1));
        var noted = await _bot.PressAsync(CaseVerbs.Note, Case, TestOrganisations.Lynne, view: "detail", inputs: new() { ["note"] = "  Ringt upp, polisanmälan i morgon.  " });
        Assert.Contains("Ringt upp, polisanmälan i morgon.", CardText.Of(Card(noted)), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromHours(2));
        var closed = await _bot.PressAsync(CaseVerbs.Close, Case, TestOrganisations.Lynne, inputs: new() { ["outcome"] = "Polisanmält, stöd ordnat." });
        Assert.Contains("Avslutad av Lynne Robbins", CardText.Of(Card(closed)), StringComparison.Ordinal);

        var current = await CurrentAsync();
        Assert.Equal((CaseStatus.Closed, IncidentStatus.Closed, "Polisanmält, stöd ordnat."), (current.File.Status, current.Incident.Status, current.File.Outcome));
        var audit = await AuditAsync();
        Assert.Equal([AuditAction.Took, AuditAction.Assigned, AuditAction.Noted, AuditAction.Closed], audit.Select(a => a.Action));
        Assert.Equal("Lynne Robbins", audit[1].Detail);
        Assert.All(audit, a => Assert.DoesNotContain("Ringt upp", a.Detail ?? string.Empty, StringComparison.Ordinal));

        await _bot.DrainAsync();
        var told = _bot.Messenger.SentTo("a:member-chat");
        Assert.Equal(2, told.Count);
        Assert.Contains("har tagit emot", told[0].Text, StringComparison.Ordinal);
        Assert.Contains("har avslutat", told[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Polisanmält", told[1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseVerbs.Note, "note", "", "Skriv en anteckning först.")]
    [InlineData(CaseVerbs.Note, "note", "x", null)]
    [InlineData(CaseVerbs.Close, "outcome", "   ", "Skriv kort om utfallet innan du stänger.")]
    [InlineData(CaseVerbs.Assign, "assignee", TestOrganisations.Megan, "Välj vem som ska ta ärendet.")]
    public async Task BadInput_ClearMessage_NothingStored(string verb, string input, string value, string? expected)
    {
        var text = value == "x" ? new string('x', CaseCards.NoteMax + 1) : value;

        var replies = await _bot.PressAsync(verb, Case, TestOrganisations.Alex, inputs: new() { [input] = text });

        Assert.Equal(expected ?? "Texten får vara högst 500 tecken. Korta den och försök igen.", Message(replies));
        Assert.Empty(await AuditAsync());
        Assert.Equal(CaseStatus.New, (await CurrentAsync()).File.Status);
    }

    [Fact]
    public async Task Refresh_StaffGetDetailsAudited_OthersInTheChannelTheSummary()
    {
        var staff = Card(await _bot.PressAsync(CaseVerbs.Refresh, Case, TestOrganisations.Alex)).ToJsonString();
        var other = Card(await _bot.PressAsync(CaseVerbs.Refresh, Case, TestOrganisations.Outsider)).ToJsonString();

        Assert.Contains("vet var jag bor", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("vet var jag bor", other, StringComparison.Ordinal);
        Assert.Contains(Case, other, StringComparison.Ordinal);
        var audit = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.ViewedDetails, true, TestOrganisations.Alex), (audit.Action, audit.Allowed, audit.ActorAadObjectId));
    }

    [Theory]
    [InlineData(CaseVerbs.Summary)]
    [InlineData(CaseVerbs.Refresh)]
    [InlineData(CaseVerbs.Details)]
    [InlineData(CaseVerbs.Acknowledge)]
    public async Task AnyVerb_NotStaffOutsideTheSecurityChannel_SameAnswerWhetherOrNotTheCaseExists(string verb)
    {
        var existing = await PressElsewhereAsync(verb, Case, TestOrganisations.Outsider, ConversationScope.Personal);
        var missing = await PressElsewhereAsync(verb, "TST-1999-0001", TestOrganisations.Outsider, ConversationScope.Personal);
        var otherChannel = await PressElsewhereAsync(verb, Case, TestOrganisations.Megan, ConversationScope.Channel);

        Assert.Equal("Det ärendet kan jag inte visa för dig här.", Message(existing));
        Assert.Equal(Message(existing), Message(missing));
        Assert.Equal(Message(existing), Message(otherChannel));
        Assert.Equal(CaseStatus.New, (await CurrentAsync()).File.Status);
        Assert.All(await AuditAsync(), a => Assert.False(a.Allowed));
        Assert.Equal(2, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task Details_StaffInAnUnregisteredChannel_NoAccess_NothingShown()
    {
        var replies = await PressElsewhereAsync(CaseVerbs.Details, Case, TestOrganisations.Alex, ConversationScope.Channel);

        Assert.Equal("Det ärendet kan jag inte visa för dig här.", Message(replies));
    }

    [Fact]
    public async Task Details_StaffInTheirPersonalChat_GetTheirCard_Audited()
    {
        var replies = await PressElsewhereAsync(CaseVerbs.Details, Case, TestOrganisations.Alex, ConversationScope.Personal);

        Assert.Contains("vet var jag bor", CardText.Of(Card(replies)), StringComparison.Ordinal);
        Assert.Equal((AuditAction.ViewedDetails, true), (Assert.Single(await AuditAsync()).Action, Assert.Single(await AuditAsync()).Allowed));
    }

    [Fact]
    public async Task Summary_PartyOfficerTheCaseWasSentTo_OwnCardInPersonalChat_NoActions()
    {
        var summary = await PressElsewhereAsync(CaseVerbs.Summary, Case, TestOrganisations.Megan, ConversationScope.Personal);
        var ack = await PressElsewhereAsync(CaseVerbs.Acknowledge, Case, TestOrganisations.Megan, ConversationScope.Personal);

        var card = Card(summary).ToJsonString();
        Assert.Contains("vet var jag bor", card, StringComparison.Ordinal);
        Assert.DoesNotContain("cases.ack", card, StringComparison.Ordinal);
        Assert.Equal("Det ärendet kan jag inte visa för dig här.", Message(ack));
        Assert.Equal(CaseStatus.New, (await CurrentAsync()).File.Status);
    }

    [Fact]
    public async Task Acknowledge_StaffForgingAnotherOrganisation_NoAccess_NothingChanges()
    {
        var replies = await PressElsewhereAsync(CaseVerbs.Acknowledge, Case, TestOrganisations.Alex, ConversationScope.Personal, org: "annankommun");

        Assert.Equal("Det ärendet kan jag inte visa för dig här.", Message(replies));
        Assert.Equal(CaseStatus.New, (await CurrentAsync()).File.Status);
    }

    /// <summary>A press from a personal chat, or from a channel that is not the registered security channel.</summary>
    private async Task<TurnReplies> PressElsewhereAsync(string verb, string caseNumber, string aad, ConversationScope scope, string? org = null)
    {
        var data = new Dictionary<string, string?>(StringComparer.Ordinal) { ["case"] = caseNumber, ["org"] = org ?? _bot.Organisation.Id, ["view"] = "summary" };
        var channel = scope == ConversationScope.Channel ? "19:another@thread.tacv2" : null;
        var turn = new Turn(TurnKind.CardExecute, DeliverySteps.Tenant, channel ?? "a:personal-" + aad, scope, new Participant("29:" + aad, aad, "Någon"), Language.Swedish, _time.GetUtcNow())
        {
            Action = new CardAction(verb, data),
            TeamId = channel is null ? null : "19:team@thread.tacv2",
            ChannelId = channel,
        };
        var replies = new TurnReplies();
        await _bot.Actions.HandleAsync(turn, replies, default);
        return replies;
    }

    [Fact]
    public async Task CardUpdateFails_LeftToTheDispatcher_WhichUpdatesLater()
    {
        _bot.Messenger.FailWhen = (kind, _) => kind == "update" ? new Trygg.Outbox.ProactiveException(Trygg.Outbox.ProactiveFailure.Transient, "503") : null;
        await _bot.PressAsync(CaseVerbs.Acknowledge, Case, TestOrganisations.Alex);
        Assert.Empty(_bot.Messenger.Updates);

        _bot.Messenger.FailWhen = null;
        await _bot.DrainAsync();

        Assert.Equal(2, _bot.Messenger.Updates.Count);
        Assert.All(_bot.Messenger.Updates, u => Assert.Contains("Mottagen av Alex Wilber", CardText.Of(u.Card.Json), StringComparison.Ordinal));
    }

    [Fact]
    public async Task CardUpdatesHeldBackByTheCircuit_TheRefreshWaitsWithoutUsingAttempts_ThenUpdates()
    {
        _bot.Messenger.FailWhen = (kind, _) => kind == "update"
            ? new Trygg.Outbox.ProactiveException(Trygg.Outbox.ProactiveFailure.Transient, "503 CircuitOpen", TimeSpan.FromSeconds(15), notAttempted: true)
            : null;
        await _bot.PressAsync(CaseVerbs.Acknowledge, Case, TestOrganisations.Alex);

        for (var i = 0; i < 8; i++) // more rounds than the row has attempts
        {
            await _bot.DrainAsync();
            _time.Advance(TimeSpan.FromSeconds(15));
        }

        var refresh = (await _bot.RowsAsync(Case)).Single(r => r.KindValue == OutboxKind.CardRefresh);
        Assert.Equal((OutboxState.Pending, 0), (refresh.StateValue, refresh.Attempts));
        Assert.Empty(_bot.Messenger.Updates);

        _bot.Messenger.FailWhen = null;
        await _bot.DrainAsync();

        Assert.Equal(2, _bot.Messenger.Updates.Count);
    }

    [Fact]
    public async Task UnknownCase_SaysSo()
    {
        var replies = await _bot.PressAsync(CaseVerbs.Acknowledge, "TST-1999-0001", TestOrganisations.Alex);

        Assert.Equal("Ärendet finns inte längre.", Message(replies));
    }
}
