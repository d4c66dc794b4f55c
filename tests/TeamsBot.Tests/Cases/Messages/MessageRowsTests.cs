using Trygg.Outbox;

namespace Trygg.Cases.Messages;

public sealed class MessageRowsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static OutboxEntity Failed(string? recipient, int round = 0)
    {
        var row = OutboxEntity.New("p", OutboxEntity.Key("TRY-2026-0001", round == 0 ? "reply" : $"reply{round}", "abcdef0123456789"), "tenant", "alingsas", "TRY-2026-0001", OutboxKind.CaseMessageToStaff, At);
        row.Round = round;
        row.RecipientAadObjectId = recipient;
        return row;
    }

    [Fact]
    public void AfterStaffFailed_APersonUnreachable_TheNextPositionCarriesTheSameMessage()
    {
        var next = Assert.Single(MessageRows.AfterStaffFailed(Failed("alex", round: 2), At));

        Assert.Equal((OutboxKind.CaseMessageToStaff, 3, null), (next.KindValue, next.Round, next.RecipientAadObjectId));
        Assert.Equal("abcdef0123456789", MessageRows.MessageIdOf(next));
        Assert.NotEqual(Failed("alex", round: 2).RowKey, next.RowKey);
        Assert.Equal(("p", "TRY-2026-0001", "alingsas"), (next.PartitionKey, next.CaseNumber, next.OrganisationId));
    }

    [Fact]
    public void AfterStaffFailed_TheChannelNoticeFailed_NothingMore() =>
        Assert.Empty(MessageRows.AfterStaffFailed(Failed(recipient: null, round: 5), At));

    [Fact]
    public void AfterStaffFailed_ARowOfAnotherKind_Nothing()
    {
        var row = Failed("alex");
        row.Kind = nameof(OutboxKind.CaseMessageToMember);

        Assert.Empty(MessageRows.AfterStaffFailed(row, At));
    }
}
