using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Testing.Cases;
using Trygg.Cases.Rules;
using Trygg.Texts;

namespace Trygg.Cases.Delivery;

public sealed class OutboxRowsTests
{
    private const string Partition = "tenant|testkommun";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);
    private static readonly Organisation Org = TestOrganisations.Testkommun();

    private static CaseFile File(RoutingDecision decision) => new(
        "tenant", "testkommun", "TST-2026-0001", decision.Priority, decision.OutOfHours, decision.EscalateAt, "a:member", Language.Swedish,
        [.. decision.Recipients.Select(r => new CaseRecipient(r.Role, r.Name))]);

    [Fact]
    public void ForNewCase_ChannelAndPeople_OneRowEachAndATimer()
    {
        var decision = TestOrganisations.Decision(Org, Now, onCall: true);

        var rows = OutboxRows.ForNewCase(File(decision), decision, Partition, Now).ToList();

        Assert.Equal(
            ["outbox|TST-2026-0001|channel", $"outbox|TST-2026-0001|PartySecurityOfficer:{TestOrganisations.Megan}", $"outbox|TST-2026-0001|OnCall:{TestOrganisations.Isaiah}", "outbox|TST-2026-0001|escalation"],
            rows.Select(r => r.RowKey));
        Assert.Equal([OutboxKind.CaseToChannel, OutboxKind.CaseToPerson, OutboxKind.CaseToPerson, OutboxKind.Escalation], rows.Select(r => r.KindValue));
        Assert.All(rows.Take(3), r => Assert.Equal(Now, r.DueAt));
        Assert.Equal(decision.EscalateAt, rows[3].DueAt);
        Assert.All(rows, r => Assert.Equal(Partition, r.PartitionKey));
        Assert.All(rows, r => Assert.Equal(OutboxState.Pending, r.StateValue));
    }

    [Fact]
    public void ForNewCase_OnCallWithoutTeams_IsNotMessaged()
    {
        var decision = TestOrganisations.Decision(Org, Now) with
        {
            Recipients = [new(RecipientRole.SecurityChannel, "Kanal", null), new(RecipientRole.OnCall, "Jourtelefon", null)],
        };

        var rows = OutboxRows.ForNewCase(File(decision), decision, Partition, Now).ToList();

        Assert.Equal([OutboxKind.CaseToChannel, OutboxKind.Escalation], rows.Select(r => r.KindValue));
    }

    [Fact]
    public void ForEscalation_SamePersonOnCallAndHead_GetsOneMessage()
    {
        var routing = Org.Routing with { OnCall = new OnCallContact("Jour", "1", TestOrganisations.LynneRobbins) };
        var decision = TestOrganisations.Decision(Org, Now);

        var rows = OutboxRows.ForEscalation(File(decision), routing, round: 1, Partition, Now).ToList();

        Assert.Equal(["outbox|TST-2026-0001|esc1|channel", $"outbox|TST-2026-0001|esc1|OnCall:{TestOrganisations.Lynne}"], rows.Select(r => r.RowKey));
        Assert.All(rows, r => Assert.True(r.OnlyWhileUnacknowledged));
        Assert.All(rows, r => Assert.Equal(1, r.Round));
    }

    [Fact]
    public void ForNewCase_OnCallRota_OneRowForEachPersonOnIt()
    {
        var routing = Org.Routing with { OnCall = Org.Routing.OnCall with { GroupMembers = [TestOrganisations.LynneRobbins, TestOrganisations.AlexWilber] } };
        var decision = new RoutingRules(new Trygg.Organisations.Calendar.OfficeCalendar()).Decide(
            new RoutingRequest(Org with { Routing = routing }, MemberRole.Fritidspolitiker, "Socialdemokraterna", null, false, true, Now));

        var rows = OutboxRows.ForNewCase(File(decision), decision, Partition, Now).Where(r => r.RecipientRole == nameof(RecipientRole.OnCall)).ToList();

        Assert.Equal([TestOrganisations.Isaiah, TestOrganisations.Lynne, TestOrganisations.Alex], rows.Select(r => r.RecipientAadObjectId));
        Assert.Equal(3, rows.Select(r => r.RowKey).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(OutboxKind.CaseToPerson, r.KindValue));
    }

    [Fact]
    public void ForEscalation_RotaAndHeadGroup_EachPersonOnceInTheirFirstRole()
    {
        var routing = Org.Routing with
        {
            OnCall = Org.Routing.OnCall with { GroupMembers = [TestOrganisations.LynneRobbins, TestOrganisations.MeganBowen] },
            HeadOfSecurityGroupMembers = [TestOrganisations.AlexWilber, TestOrganisations.MeganBowen],
        };
        var decision = TestOrganisations.Decision(Org, Now);

        var rows = OutboxRows.ForEscalation(File(decision), routing, round: 2, Partition, Now).ToList();

        Assert.Equal(
            ["outbox|TST-2026-0001|esc2|channel",
             $"outbox|TST-2026-0001|esc2|OnCall:{TestOrganisations.Isaiah}",
             $"outbox|TST-2026-0001|esc2|OnCall:{TestOrganisations.Lynne}",
             $"outbox|TST-2026-0001|esc2|OnCall:{TestOrganisations.Megan}",
             $"outbox|TST-2026-0001|esc2|HeadOfSecurity:{TestOrganisations.Alex}"],
            rows.Select(r => r.RowKey));
    }

    [Fact]
    public void ForEscalation_HeadNamedOnlyByAGroupNotYetRead_StillTheChannelAndOnCall()
    {
        var routing = Org.Routing with { HeadOfSecurity = null };
        var decision = TestOrganisations.Decision(Org, Now);

        var rows = OutboxRows.ForEscalation(File(decision), routing, round: 1, Partition, Now).ToList();

        Assert.Equal(["outbox|TST-2026-0001|esc1|channel", $"outbox|TST-2026-0001|esc1|OnCall:{TestOrganisations.Isaiah}"], rows.Select(r => r.RowKey));
    }

    [Fact]
    public void ForNewCase_RecipientKeptAsItsGroup_ARowWithoutAPersonThatNamesTheGroup()
    {
        var decision = TestOrganisations.Decision(Org, Now) with
        {
            Recipients = [new(RecipientRole.SecurityChannel, "Kanal", null), new(RecipientRole.PartySecurityOfficer, "Moderaterna", null) { Group = "6a1f0c2e-0000-4000-8000-000000000012" }],
        };

        var row = OutboxRows.ForNewCase(File(decision), decision, Partition, Now).Single(r => r.KindValue == OutboxKind.CaseToPerson);
        var member = OutboxRows.ForGroupMember(row, TestOrganisations.MeganBowen, Now);

        Assert.Null(row.RecipientAadObjectId);
        Assert.Equal("Moderaterna", row.RecipientName);
        Assert.Equal("6a1f0c2e-0000-4000-8000-000000000012", OutboxRows.GroupOf(row));
        Assert.Equal($"outbox|TST-2026-0001|PartySecurityOfficer:{TestOrganisations.Megan}", member.RowKey);
        Assert.Equal((TestOrganisations.Megan, "Megan Bowen", nameof(RecipientRole.PartySecurityOfficer)), (member.RecipientAadObjectId, member.RecipientName, member.RecipientRole));
        Assert.Null(OutboxRows.GroupOf(member));
    }

    [Fact]
    public void FailureNotice_PersonFailed_GoesToTheChannelNamingThem()
    {
        var decision = TestOrganisations.Decision(Org, Now);
        var failed = OutboxRows.ForNewCase(File(decision), decision, Partition, Now).Single(r => r.KindValue == OutboxKind.CaseToPerson);
        failed.LastError = "403 MessageWritesBlocked";

        var notice = Assert.Single(OutboxRows.FailureNotices(failed, Org.Routing, Now));

        Assert.Equal(OutboxKind.DeliveryFailedNotice, notice.KindValue);
        Assert.Null(notice.RecipientAadObjectId);
        Assert.Equal("Megan Bowen", notice.RecipientName);
        Assert.Equal("403 MessageWritesBlocked", notice.LastError);
        Assert.StartsWith("outbox|TST-2026-0001|failed|", notice.RowKey, StringComparison.Ordinal);
    }

    [Fact]
    public void FailureNotice_ChannelFailed_GoesToTheHeadOfSecurityInPerson()
    {
        var decision = TestOrganisations.Decision(Org, Now);
        var failed = OutboxRows.ForNewCase(File(decision), decision, Partition, Now).Single(r => r.KindValue == OutboxKind.CaseToChannel);

        var notice = Assert.Single(OutboxRows.FailureNotices(failed, Org.Routing, Now));

        Assert.Equal(TestOrganisations.Lynne, notice.RecipientAadObjectId);
    }

    [Fact]
    public void FailureNotices_ChannelFailedAndTheHeadIsAGroup_OneNoticeForEachInIt()
    {
        var routing = Org.Routing with { HeadOfSecurityGroupMembers = [TestOrganisations.LynneRobbins, TestOrganisations.AlexWilber] };
        var decision = TestOrganisations.Decision(Org, Now);
        var failed = OutboxRows.ForNewCase(File(decision), decision, Partition, Now).Single(r => r.KindValue == OutboxKind.CaseToChannel);

        var notices = OutboxRows.FailureNotices(failed, routing, Now);

        Assert.Equal([TestOrganisations.Lynne, TestOrganisations.Alex], notices.Select(n => n.RecipientAadObjectId));
        Assert.Equal(2, notices.Select(n => n.RowKey).Distinct().Count());
    }

    [Fact]
    public void FailureNotice_ANoticeFailed_NoNoticeAboutIt()
    {
        var decision = TestOrganisations.Decision(Org, Now);
        var failed = OutboxRows.ForNewCase(File(decision), decision, Partition, Now).Single(r => r.KindValue == OutboxKind.CaseToChannel);
        var notice = Assert.Single(OutboxRows.FailureNotices(failed, Org.Routing, Now));

        Assert.Empty(OutboxRows.FailureNotices(notice, Org.Routing, Now));
    }

    [Fact]
    public void ReporterUpdate_KeyPerUpdate_SoEachIsSentOnce()
    {
        var file = File(TestOrganisations.Decision(Org, Now));

        Assert.Equal("outbox|TST-2026-0001|reporter|Acknowledged", OutboxRows.ReporterUpdate(file, CaseStatus.Acknowledged, Partition, Now).RowKey);
        Assert.Equal("outbox|TST-2026-0001|reporter|Closed", OutboxRows.ReporterUpdate(file, CaseStatus.Closed, Partition, Now).RowKey);
    }
}
