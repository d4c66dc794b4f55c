using Microsoft.Extensions.DependencyInjection;
using Trygg.Members;
using Trygg.Storage;
using Trygg.Testing;
using Trygg.Organisations;

namespace Trygg.Training;

public sealed class TableTrainingRecordsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Joined = new(2026, 10, 15, 0, 0, 0, TimeSpan.FromHours(2));

    private static TrainingRecordKey Key(string member) => new("tenant-1", "alingsas", "politikerhandboken", "2026-2030", member);

    [Fact]
    public async Task Records_RoundTrip_AndListByCycle()
    {
        using var host = TryggServices.Build(azurite, AzuriteFixture.NewTablePrefix(), s => s.AddTrainingStores());
        var records = host.Services.GetRequiredService<ITrainingRecords>();

        await records.UpdateAsync(Key("a"), _ => TrainingRecord.New(Key("a"), "Anna Å", "Moderaterna", MemberRole.SarskiltArvoderad, Joined), CancellationToken.None);
        await records.UpdateAsync(Key("b"), _ => TrainingRecord.New(Key("b"), "Bo B", null, MemberRole.Fritidspolitiker, Joined), CancellationToken.None);
        await records.UpdateAsync(Key("a"), r => r! with { DoneAt = Joined.AddDays(3), Source = CompletionSource.SelfReported }, CancellationToken.None);
        await records.UpdateAsync(Key("c") with { CycleKey = "2030-2034" }, _ => TrainingRecord.New(Key("c"), "Cecilia C", null, MemberRole.Fritidspolitiker, Joined), CancellationToken.None);

        var list = await records.ListAsync("tenant-1", "alingsas", "politikerhandboken", "2026-2030", CancellationToken.None);

        Assert.Equal(["a", "b"], list.Select(r => r.Key.MemberId).Order());
        var anna = list.Single(r => r.Key.MemberId == "a");
        Assert.True(anna.Done);
        Assert.Equal(CompletionSource.SelfReported, anna.Source);
        Assert.Equal("Anna Å", anna.Name);
        Assert.Equal(MemberRole.SarskiltArvoderad, anna.Role);
        Assert.False(list.Single(r => r.Key.MemberId == "b").Done);
    }

    [Fact]
    public async Task ConcurrentClaimsOfTheSameStep_OnlyOneWins()
    {
        using var host = TryggServices.Build(azurite, AzuriteFixture.NewTablePrefix(), s => s.AddTrainingStores());
        var records = host.Services.GetRequiredService<ITrainingRecords>();
        await records.UpdateAsync(Key("a"), _ => TrainingRecord.New(Key("a"), "Anna", null, MemberRole.Fritidspolitiker, Joined), CancellationToken.None);

        // Ten racing senders each try to claim reminder 0: the change refuses once someone else has claimed it.
        var wins = 0;
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            var claimed = await records.UpdateAsync(
                Key("a"),
                r => r is { RemindersSent: 0 } ? r with { RemindersSent = 1, LastRemindedAt = Joined } : null,
                CancellationToken.None);
            if (claimed is not null)
            {
                Interlocked.Increment(ref wins);
            }
        }));

        Assert.Equal(1, wins);
        Assert.Equal(1, (await records.GetAsync(Key("a"), CancellationToken.None))!.RemindersSent);
    }
}
