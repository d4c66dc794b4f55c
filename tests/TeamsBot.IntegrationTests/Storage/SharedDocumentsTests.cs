using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Storage.Documents;
using Trygg.Testing;

namespace Trygg.Storage;

public sealed class SharedDocumentsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SharedDocument_DownloadsByItsLink_ThroughTheRealEndpoint()
    {
        using var app = new TryggApp(azurite.ConnectionString, "http://127.0.0.1:9/unused", AzuriteFixture.NewTablePrefix());
        var documents = app.Services.GetRequiredService<ISharedDocuments>();
        // Larger than one table property (64 KiB): stored in several.
        var content = new byte[150_000];
        new Random(7).NextBytes(content);

        var link = await documents.ShareAsync("arsrapport-2026-month.png", "image/png", content, TimeSpan.FromDays(7), CancellationToken.None);
        var response = await app.Http.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("arsrapport-2026-month.png", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.StartsWith("http://127.0.0.1:3978/documents/", link.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOrExpiredLinks_Give404_AndTheTableHoldsNoToken()
    {
        using var app = new TryggApp(azurite.ConnectionString, "http://127.0.0.1:9/unused", AzuriteFixture.NewTablePrefix());
        var documents = app.Services.GetRequiredService<ISharedDocuments>();
        var expired = await documents.ShareAsync("x.png", "image/png", [1, 2, 3], TimeSpan.FromSeconds(-1), CancellationToken.None);
        var live = await documents.ShareAsync("y.png", "image/png", [4, 5, 6], TimeSpan.FromDays(1), CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync(new Uri(expired.PathAndQuery, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync(new Uri("/documents/not-a-real-token", UriKind.Relative))).StatusCode);

        // Row keys are hashes: the table does not give the links away.
        var token = live.Segments[^1];
        var table = azurite.CreateServiceClient().GetTableClient(app.TablePrefix + "documents");
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            Assert.DoesNotContain(token, row.RowKey, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ALinkToAFileThatIsNoImage_FromBeforeOnlyImagesWereShared_OpensNothing()
    {
        using var app = new TryggApp(azurite.ConnectionString, "http://127.0.0.1:9/unused", AzuriteFixture.NewTablePrefix());
        var link = await app.Services.GetRequiredService<ISharedDocuments>().ShareAsync("lista.png", "image/png", [1, 2, 3], TimeSpan.FromDays(1), CancellationToken.None);
        var table = azurite.CreateServiceClient().GetTableClient(app.TablePrefix + "documents");
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            // As a training list's link was stored before: a CSV with names.
            row["ContentType"] = "text/csv; charset=utf-8";
            await table.UpdateEntityAsync(row, row.ETag);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("text/csv; charset=utf-8")]
    [InlineData("text/html; charset=utf-8")]
    public async Task AFileThatIsNoImage_IsNeverSharedByLink(string contentType)
    {
        using var app = new TryggApp(azurite.ConnectionString, "http://127.0.0.1:9/unused", AzuriteFixture.NewTablePrefix());
        var documents = app.Services.GetRequiredService<ISharedDocuments>();

        await Assert.ThrowsAsync<ArgumentException>(() => documents.ShareAsync("namn.csv", contentType, [1, 2, 3], TimeSpan.FromDays(1), CancellationToken.None));
    }
}
