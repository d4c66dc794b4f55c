using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Trygg.Testing;

namespace Trygg.EvidenceFiles;

/// <summary>The evidence store on Azurite's blob and table services: the case limit holds for uploads at once.</summary>
public sealed class BlobEvidenceStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly EvidenceCase Case = new("tenant", "alingsas", "ALI-2026-0042");
    private static readonly SanitisedFile Kilobyte = new(new byte[1000], "text/plain; charset=utf-8", ".txt");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private IHost Start()
    {
        var builder = TryggServices.Builder(azurite, AzuriteFixture.NewTablePrefix(), new TryggBotOptions { Time = _time });
        builder.AddEvidence();
        return builder.Build();
    }

    [Fact]
    public async Task SaveAsync_SixAtOnceWhereTwoFit_TwoAreKeptAndFourRefused()
    {
        using var host = Start();
        var store = host.Services.GetRequiredService<IEvidenceStore>();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => store.SaveAsync(Case, $"file{i}", $"f{i}.txt", Kilobyte, 2500, default)));

        Assert.Equal(2, results.Count(r => r == EvidenceSaved.Saved));
        Assert.Equal(4, results.Count(r => r == EvidenceSaved.CaseFull));
        Assert.Equal(2, (await store.ListAsync(Case, default)).Count);
    }

    [Fact]
    public async Task SaveAsync_AReservationWhoseFileNeverArrived_HoldsTheCaseOnlyForItsLifetime()
    {
        using var host = Start();
        var store = host.Services.GetRequiredService<IEvidenceStore>();
        Assert.True(await host.Services.GetRequiredService<EvidenceReservations>().ReserveAsync(Case, "lost", 2000, [], 2500, default));

        var whileHeld = await store.SaveAsync(Case, "file1", "f1.txt", Kilobyte, 2500, default);
        _time.Advance(EvidenceReservations.Lifetime);
        var afterwards = await store.SaveAsync(Case, "file1", "f1.txt", Kilobyte, 2500, default);

        Assert.Equal((EvidenceSaved.CaseFull, EvidenceSaved.Saved), (whileHeld, afterwards));
    }

    [Fact]
    public async Task DeleteCaseAsync_TakesTheReservationsWithTheFiles()
    {
        using var host = Start();
        var store = host.Services.GetRequiredService<IEvidenceStore>();
        await store.SaveAsync(Case, "file1", "f1.txt", Kilobyte, 2500, default);
        Assert.True(await host.Services.GetRequiredService<EvidenceReservations>().ReserveAsync(Case, "lost", 1000, [], 2500, default));

        Assert.Equal(1, await store.DeleteCaseAsync(Case, default));

        Assert.True(await host.Services.GetRequiredService<EvidenceReservations>().ReserveAsync(Case, "big", 2500, [], 2500, default));
    }
}
