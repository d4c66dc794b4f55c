using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SkiaSharp;
using Trygg.Fuzz;
using Trygg.Testing;
using Trygg.Teams.Wire;
using static Trygg.EvidenceFiles.EvidenceSteps;

namespace Trygg.EvidenceFiles;

/// <summary>
/// Evidence through /api/messages on Azurite's blob and table services: "Lägg till bevis" on the member's own report,
/// then a pasted image (served by the fake connector with EXIF GPS and camera tags) and attached files. What is kept
/// has no metadata left; every file is answered by name; someone else's report takes nothing.
/// </summary>
public sealed class EvidenceActionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SentFiles_APastedPhotoWithGpsAndAnAttachedTextFile_AreKeptWithoutMetadata_AndNamedInTheAnswers()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, caseNumber) = await ReporterAsync(bot, "Ella Evidensson");
        var photo = PhotoWithGps();
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(photo)).OfType<GpsDirectory>());

        var opened = await ella.ExecuteAsync("evidence.add", new JsonObject { ["caseNumber"] = caseNumber });
        Assert.Contains(caseNumber, CardJson.TextOf(opened), StringComparison.Ordinal);

        var letter = Encoding.UTF8.GetBytes("Du ska akta dig, Åsa.\r\nVi vet var du bor.\r\n");
        var answers = await bot.SendFilesAsync(ella.Who, 2, Pasted(bot.Connector.ServeFile(photo)), Attached("hotbrev.txt", bot.Connector.ServeFile(letter)));

        Assert.Contains($"Sparat med rapport {caseNumber}: image", answers[0], StringComparison.Ordinal);
        Assert.Contains($"Sparat med rapport {caseNumber}: hotbrev.txt", answers[1], StringComparison.Ordinal);
        var container = bot.EvidenceContainer;
        Assert.Equal(PublicAccessType.None, (await container.GetPropertiesAsync()).Value.PublicAccess);
        var blobs = await bot.EvidenceBlobsAsync();
        Assert.Equal(2, blobs.Count);
        Assert.All(blobs, b => Assert.StartsWith($"{Uri.EscapeDataString(Activities.TenantId)}/alingsas/{caseNumber}/", b.Name, StringComparison.Ordinal));
        var image = Assert.Single(blobs, b => b.Properties.ContentType == "image/jpeg");
        var stored = (await container.GetBlobClient(image.Name).DownloadContentAsync()).Value.Content.ToArray();
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(stored));
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<ExifDirectoryBase>());
        Assert.DoesNotContain(Camera, Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
        using var decoded = SKBitmap.Decode(stored);
        Assert.Equal((64, 48), (decoded.Width, decoded.Height));
        var text = Assert.Single(blobs, b => b.Properties.ContentType.StartsWith("text/plain", StringComparison.Ordinal));
        Assert.Equal("hotbrev.txt", Uri.UnescapeDataString(text.Metadata["name"]));
        Assert.Equal(letter, (await container.GetBlobClient(text.Name).DownloadContentAsync()).Value.Content.ToArray());

        // The police-report summary lists what was kept, by name.
        var summary = await ella.ExecuteAsync("police.summary", new JsonObject { ["case"] = caseNumber });
        Assert.Contains("hotbrev.txt", CardJson.TextOf(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SentFiles_ARefusedTypeAndAFileSentTwice_GetTheReason_AndTheFileIsKeptOnce()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, caseNumber) = await ReporterAsync(bot, "Ella Evidensson");
        await ella.ExecuteAsync("evidence.add", new JsonObject { ["caseNumber"] = caseNumber });
        var zip = bot.Connector.ServeFile([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
        var pdf = Attached("polisanmalan.pdf", bot.Connector.ServeFile(TestPdfs.OnePage()));

        var answers = await bot.SendFilesAsync(ella.Who, 2, Attached("bevis.pdf.zip", zip), pdf);
        var again = await bot.SendFilesAsync(ella.Who, 1, pdf);

        Assert.Contains("Inte sparat: bevis.pdf.zip. Den sortens fil kan vi inte ta emot.", answers[0], StringComparison.Ordinal);
        Assert.Contains($"Sparat med rapport {caseNumber}: polisanmalan.pdf", answers[1], StringComparison.Ordinal);
        Assert.Contains($"Redan sparat med rapport {caseNumber}: polisanmalan.pdf", again[0], StringComparison.Ordinal);
        var container = bot.EvidenceContainer;
        var blob = Assert.Single(await bot.EvidenceBlobsAsync());
        Assert.Equal("application/pdf", blob.Properties.ContentType);
        var stored = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
        using var kept = UglyToad.PdfPig.PdfDocument.Open(stored);
        Assert.Null(kept.Information.Author);
        Assert.Contains(TestPdfs.Text, kept.GetPage(1).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEvidence_ToSomeoneElsesReport_IsRefused_AndTheirFilesAreNotKept()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (_, caseNumber) = await ReporterAsync(bot, "Ella Evidensson");
        var (mallory, _) = await ReporterAsync(bot, "Mallory Malmberg");

        using var response = await bot.App.PostActivityAsync(mallory.Who.Execute("evidence.add", new JsonObject { ["caseNumber"] = caseNumber }));
        var refused = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"];
        var answers = await bot.SendFilesAsync(mallory.Who, 1, Attached("skarmdump.txt", bot.Connector.ServeFile("hej"u8.ToArray())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bevis kan bara läggas till i dina egna rapporter.", refused, StringComparison.Ordinal);
        Assert.Contains("Filen är inte sparad. Vill du spara den som bevis?", answers[0], StringComparison.Ordinal);
        Assert.Empty(await bot.EvidenceBlobsAsync());
        Assert.Empty(bot.Connector.FileFetches);
    }

    [Fact]
    public async Task SentFiles_WithWordsOfDangerNow_112ComesFirst_AndTheMemberIsToldTheFileWasNotKept()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, caseNumber) = await ReporterAsync(bot, "Ella Evidensson");
        await ella.ExecuteAsync("evidence.add", new JsonObject { ["caseNumber"] = caseNumber });

        var answers = await bot.SendFilesAsync(ella.Who, 2, "han står utanför dörren nu",
            Attached("hot.txt", bot.Connector.ServeFile("Vi vet var du bor."u8.ToArray())));

        Assert.Contains("tel:112", answers[0], StringComparison.Ordinal);
        Assert.Equal("Filen är inte sparad. Skicka den igen när du är i säkerhet.", answers[1]);
        Assert.Empty(await bot.EvidenceBlobsAsync());
    }

    [Fact]
    public async Task SentFiles_FromAnAddressTeamsDoesNotUse_AreNotFetched_AndTheMemberIsTold()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, caseNumber) = await ReporterAsync(bot, "Ella Evidensson");
        await ella.ExecuteAsync("evidence.add", new JsonObject { ["caseNumber"] = caseNumber });

        var answers = await bot.SendFilesAsync(ella.Who, 2,
            Pasted("http://127.0.0.2:9/v3/attachments/x/views/original"),
            Attached("lank.txt", "https://attacker.example/evidence.txt"));

        Assert.All(answers, a => Assert.Contains("Vi kunde inte hämta filen från Teams.", a, StringComparison.Ordinal));
        Assert.Empty(await bot.EvidenceBlobsAsync());
    }

    [Fact]
    public async Task EraseAsync_AReporter_DeletesTheEvidenceOfTheirCases_AndKeepsOthers()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, ellasCase) = await ReporterAsync(bot, "Ella Evidensson");
        var (kalle, kallesCase) = await ReporterAsync(bot, "Kalle Kvarsson");
        foreach (var (member, caseNumber) in new[] { (ella, ellasCase), (kalle, kallesCase) })
        {
            await member.ExecuteAsync("evidence.add", new JsonObject { ["caseNumber"] = caseNumber });
            await bot.SendFilesAsync(member.Who, 1, Attached("brev.txt", bot.Connector.ServeFile("Vi vet var du bor."u8.ToArray())));
        }

        Assert.Equal(2, (await bot.EvidenceBlobsAsync()).Count);

        await bot.App.Get<Trygg.Privacy.MemberErasure>().EraseAsync(Activities.TenantId, "alingsas", ella.Who.UserAadObjectId, formerMember: false, default);

        var left = Assert.Single(await bot.EvidenceBlobsAsync());
        Assert.Contains($"/{kallesCase}/", left.Name, StringComparison.Ordinal);
        Assert.Empty(await bot.App.Get<IEvidenceStore>().ListAsync(new EvidenceCase(Activities.TenantId, "alingsas", ellasCase), default));
    }

    [Fact]
    public async Task SentFiles_AHeicPhoto_IsRefusedWithTheHeicMessage_AndNothingIsKept()
    {
        await using var bot = await TryggBot.StartAsync(azurite);
        var (ella, caseNumber) = await ReporterAsync(bot, "Ella Evidensson");
        await ella.ExecuteAsync("evidence.add", new JsonObject { ["caseNumber"] = caseNumber });
        byte[] heic = [0x00, 0x00, 0x00, 0x18, .. "ftypheic"u8, 0x00, 0x00, 0x00, 0x00, .. "mif1heic"u8, 0x00, 0x00, 0x00, 0x08, .. "meta"u8];

        var answers = await bot.SendFilesAsync(ella.Who, 1, Attached("IMG_0042.HEIC", bot.Connector.ServeFile(heic)));

        Assert.Equal(
            "Inte sparat: IMG_0042.HEIC. Bilden är i iPhones HEIC-format, som vi inte kan spara ännu. Ta en skärmbild av den och skicka skärmbilden, så sparas den.",
            answers[0]);
        Assert.Empty(await bot.EvidenceBlobsAsync());
    }

    [Fact]
    public async Task SentFiles_TwoAtOnceThatTogetherPassTheCaseLimit_ExactlyOneIsRefusedWithTheUsualMessage()
    {
        await using var bot = await TryggBot.StartAsync(azurite, new TryggBotOptions
        {
            Settings = new Dictionary<string, string?> { ["Evidence:MaxFileBytes"] = "2048", ["Evidence:MaxCaseBytes"] = "3072" },
        });
        var (ella, caseNumber) = await ReporterAsync(bot, "Ella Evidensson");
        await ella.ExecuteAsync("evidence.add", new JsonObject { ["caseNumber"] = caseNumber });
        var letter = bot.Connector.ServeFile(Encoding.UTF8.GetBytes(new string('a', 2000)));
        var note = bot.Connector.ServeFile(Encoding.UTF8.GetBytes(new string('b', 2000)));

        var answers = (await Task.WhenAll(
            bot.SendFilesAsync(ella.Who, 1, Attached("brev.txt", letter)),
            bot.SendFilesAsync(ella.Who, 1, Attached("lapp.txt", note)))).SelectMany(a => a).ToList();

        var refused = Assert.Single(answers, a => a.StartsWith("Inte sparat:", StringComparison.Ordinal));
        Assert.Matches(@"^Inte sparat: (brev|lapp)\.txt\. Rapporten har redan så mycket bevis som får plats", refused);
        Assert.Single(answers, a => a.StartsWith($"Sparat med rapport {caseNumber}:", StringComparison.Ordinal));
        var blob = Assert.Single(await bot.EvidenceBlobsAsync());
        Assert.Equal(2000, blob.Properties.ContentLength);
    }

    private static async Task<(MemberScript Member, string CaseNumber)> ReporterAsync(TryggBot bot, string name)
    {
        var who = new Activities(bot.Connector.ServiceUrl);
        bot.Connector.AddMember(new TeamsChannelAccount { Id = who.UserId, AadObjectId = who.UserAadObjectId, Name = name });
        var member = new MemberScript(bot.App, bot.Connector, who);
        await member.SaveProfileAsync();
        return (member, await member.ReportAsync("EVIDENCE-DESC han skickade bilder på mitt hus"));
    }
}
