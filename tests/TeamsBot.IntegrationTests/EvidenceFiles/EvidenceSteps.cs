using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SkiaSharp;
using Trygg.Testing;

namespace Trygg.EvidenceFiles;

/// <summary>
/// The evidence tests' steps on <see cref="TryggBot"/>: files and pasted images sent in the member's chat as Teams sends
/// them (the fake connector serves their bytes), and the blobs kept in the bot's private evidence container.
/// </summary>
internal static class EvidenceSteps
{
    /// <summary>A pasted image, as Teams describes one.</summary>
    public static JsonObject Pasted(string contentUrl) => new() { ["contentType"] = "image/*", ["contentUrl"] = contentUrl };

    /// <summary>An attached file, as Teams describes one.</summary>
    public static JsonObject Attached(string name, string downloadUrl) => new()
    {
        ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
        ["name"] = name,
        ["content"] = new JsonObject { ["downloadUrl"] = downloadUrl, ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = "txt" },
    };

    /// <summary>The camera name <see cref="PhotoWithGps"/> writes into its EXIF block.</summary>
    public const string Camera = "TryggTestCam";

    /// <summary>A 64x48 JPEG from a camera that wrote its name and where the photo was taken into an EXIF block.</summary>
    public static byte[] PhotoWithGps()
    {
        using var bitmap = new SKBitmap(64, 48);
        bitmap.Erase(SKColors.OrangeRed);
        var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        var exif = ExifWithGps();
        var app1 = new List<byte> { 0xFF, 0xE1, (byte)((exif.Length + 2) >> 8), (byte)((exif.Length + 2) & 0xFF) };
        app1.AddRange(exif);
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>"Exif\0\0", then a big-endian TIFF: IFD0 with Make and a GPS IFD pointer; the GPS IFD with latitude 57° 42' N.</summary>
    private static byte[] ExifWithGps()
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange([(byte)(v >> 8), (byte)v]);
        void U32(int v) => tiff.AddRange([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
        void Entry(int tag, int type, int count, int value)
        {
            U16(tag);
            U16(type);
            U32(count);
            U32(value);
        }

        var make = Encoding.ASCII.GetBytes(Camera + "\0");
        tiff.AddRange("MM"u8.ToArray());
        U16(42);
        U32(8);
        U16(2);                                     // IFD0 at 8: 2 entries, ends at 38
        Entry(0x010F, 2, make.Length, 38);          // Make -> 38
        Entry(0x8825, 4, 1, 38 + make.Length);      // GPS IFD pointer
        U32(0);
        tiff.AddRange(make);
        var gps = 38 + make.Length;
        U16(2);                                     // GPS IFD: 2 entries, 30 bytes
        Entry(0x0001, 2, 2, 'N' << 24);             // GPSLatitudeRef "N"
        Entry(0x0002, 5, 3, gps + 30);              // GPSLatitude -> three rationals
        U32(0);
        foreach (var (num, den) in new[] { (57, 1), (42, 1), (0, 1) })
        {
            U32(num);
            U32(den);
        }

        return [.. "Exif\0\0"u8.ToArray(), .. tiff];
    }

    extension(TryggBot bot)
    {
        public BlobContainerClient EvidenceContainer =>
            new BlobServiceClient(bot.Azurite.ConnectionString).GetBlobContainerClient(EvidenceSetup.ContainerName(bot.TablePrefix));

        /// <summary>Every blob in the evidence container, with its metadata; none when it does not exist yet.</summary>
        public async Task<List<BlobItem>> EvidenceBlobsAsync()
        {
            var container = bot.EvidenceContainer;
            var blobs = new List<BlobItem>();
            if (!await container.ExistsAsync())
            {
                return blobs;
            }

            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }))
            {
                blobs.Add(blob);
            }

            return blobs;
        }

        /// <summary>A message with only attachments, as Teams sends one; returns the texts of the <paramref name="expected"/> answers.</summary>
        public Task<List<string>> SendFilesAsync(Activities who, int expected, params JsonObject[] attachments) =>
            bot.SendFilesAsync(who, expected, string.Empty, attachments);

        /// <summary>A message with <paramref name="text"/> and attachments; a card answer is given as its JSON.</summary>
        public async Task<List<string>> SendFilesAsync(Activities who, int expected, string text, params JsonObject[] attachments)
        {
            var message = who.Message(text);
            message["attachments"] = new JsonArray([.. attachments.Select(a => (JsonNode)a.DeepClone())]);
            var id = (string)message["id"]!;
            using var response = await bot.App.PostActivityAsync(message);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (true)
            {
                var answers = bot.Connector.Requests.Where(r => r.Succeeded && r.ActivityId == id).OrderBy(r => r.Sequence).ToList();
                if (answers.Count >= expected || DateTime.UtcNow > deadline)
                {
                    Assert.Equal(expected, answers.Count);
                    return [.. answers.Select(r => (string?)r.Body?["text"] is { Length: > 0 } line ? line : r.Body?.ToJsonString() ?? string.Empty)];
                }

                await Task.Delay(50);
            }
        }
    }
}
