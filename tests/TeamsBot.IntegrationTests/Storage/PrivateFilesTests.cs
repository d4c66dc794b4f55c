using Microsoft.Extensions.DependencyInjection;
using Trygg.Storage.Documents;
using Trygg.Testing;

namespace Trygg.Storage;

/// <summary>A file with personal data opens only for its owner, until it expires; an organisation's files go together.</summary>
public sealed class PrivateFilesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Tenant = "tenant-a";

    [Fact]
    public async Task Get_OnlyTheOwner_OnlyUntilExpiry_AndDeletesByOrganisationAndExpiry()
    {
        using var app = new TryggApp(azurite.ConnectionString, "http://127.0.0.1:9/unused", AzuriteFixture.NewTablePrefix());
        var files = app.Services.GetRequiredService<IPrivateFiles>();
        var content = new byte[150_000]; // more than one table property holds
        new Random(3).NextBytes(content);
        var now = DateTimeOffset.UtcNow;

        var id = await files.KeepAsync(new PrivateFile(Tenant, "alingsas", "owner-1", "lista.csv", "text/csv", content, now.AddDays(1)), default);
        var expired = await files.KeepAsync(new PrivateFile(Tenant, "alingsas", "owner-1", "gammal.csv", "text/csv", [1], now.AddMinutes(-1)), default);
        var other = await files.KeepAsync(new PrivateFile(Tenant, "goteborg", "owner-2", "annan.csv", "text/csv", [2], now.AddDays(1)), default);

        Assert.Equal(content, (await files.GetAsync(Tenant, "owner-1", id, default))!.Content);
        Assert.Null(await files.GetAsync(Tenant, "owner-2", id, default));
        Assert.Null(await files.GetAsync("tenant-b", "owner-1", id, default));
        Assert.Null(await files.GetAsync(Tenant, "owner-1", expired, default));

        Assert.Equal(1, await files.DeleteExpiredAsync(now, default));
        Assert.Equal(1, await files.DeleteForOrganisationAsync(Tenant, "alingsas", default));
        Assert.Null(await files.GetAsync(Tenant, "owner-1", id, default));
        Assert.NotNull(await files.GetAsync(Tenant, "owner-2", other, default));
    }
}
