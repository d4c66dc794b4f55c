using System.Text.Json.Nodes;
using Trygg.Testing;

namespace Trygg;

/// <summary>The real bot on loopback (<see cref="TryggBot"/>), a fake Bot Connector that records what it sends, and an activity builder.</summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly TryggBot _bot;

    private BotHarness(TryggBot bot)
    {
        _bot = bot;
        Activities = new Activities(bot.Connector.ServiceUrl);
    }

    public AzuriteFixture Azurite => _bot.Azurite;

    public FakeConnector Connector => _bot.Connector;

    public TryggApp App => _bot.App;

    public Activities Activities { get; set; }

    public static async Task<BotHarness> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null) =>
        new(await TryggBot.StartAsync(azurite, new TryggBotOptions().With(settings)));

    /// <summary>Stops the bot and starts a fresh process-equivalent on the same storage.</summary>
    public void Restart() => _bot.Restart();

    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => App.PostActivityAsync(activity);

    /// <summary>
    /// Teams' file consent flow as the user who asked: waits for the file consent card offering a file whose name ends
    /// with <paramref name="suffix"/>, presses Allow as <paramref name="user"/> (Teams sends fileConsent/invoke with an
    /// upload URL, here the fake's), and returns what the bot uploaded, or null when it uploaded nothing.
    /// </summary>
    public Task<string?> AcceptOfferedFileAsync(Activities user, string suffix) => AcceptOfferedFileAsync(Connector, App, user, suffix);

    /// <summary>
    /// Registers "19:security@thread.tacv2" in team "19:team@thread.tacv2" as <paramref name="organisationId"/>'s security
    /// channel, as an administrator's "registrera säkerhetskanal" does: what names members is shown only there.
    /// </summary>
    public Task RegisterSecurityChannelAsync(string registeredBy, string organisationId = "alingsas") =>
        App.Get<Trygg.Organisations.ISecurityChannelStore>().SaveAsync(
            new Trygg.Organisations.SecurityChannel(Activities.TenantId, organisationId, "19:team@thread.tacv2", "19:security@thread.tacv2", registeredBy, DateTimeOffset.UtcNow), default);

    /// <inheritdoc cref="AcceptOfferedFileAsync(Activities, string)"/>
    public static async Task<string?> AcceptOfferedFileAsync(FakeConnector connector, TryggApp app, Activities user, string suffix)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(user);
        var offer = await connector.WaitForMessageAsync(r => OfferedFile(r.Body!)?["name"]?.GetValue<string>().EndsWith(suffix, StringComparison.Ordinal) == true);
        var attachment = OfferedFile(offer.Body!)!;
        var name = Guid.NewGuid().ToString("N") + suffix;
        var consent = user.Base("invoke", null, new JsonObject
        {
            ["name"] = "fileConsent/invoke",
            ["value"] = new JsonObject
            {
                ["type"] = "fileUpload",
                ["action"] = "accept",
                ["context"] = attachment["content"]!["acceptContext"]!.DeepClone(),
                ["uploadInfo"] = new JsonObject
                {
                    ["name"] = attachment["name"]!.GetValue<string>(),
                    ["uploadUrl"] = connector.UploadUrl(name),
                    ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/file",
                    ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C8C",
                    ["fileType"] = suffix.TrimStart('.'),
                },
            },
        });
        using var response = await app.PostActivityAsync(consent);
        response.EnsureSuccessStatusCode();
        return connector.Uploaded(name) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;
    }

    /// <summary>The file consent attachment of a recorded message, or null.</summary>
    public static JsonNode? OfferedFile(JsonNode message) =>
        message["attachments"]?.AsArray().FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.teams.card.file.consent");

    /// <summary>The first Adaptive Card attached to a recorded message, or null.</summary>
    public static JsonNode? CardOf(JsonNode message) =>
        message["attachments"]?.AsArray().FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"];

    /// <summary>All text in a card (TextBlocks and button titles), for asserting what a member reads.</summary>
    public static string TextOf(JsonNode? card) => card is null ? string.Empty : string.Join('\n', Texts(card));

    private static IEnumerable<string> Texts(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if ((key is "text" or "title") && value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        yield return s;
                    }
                    else if (value is not null)
                    {
                        foreach (var t in Texts(value))
                        {
                            yield return t;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    foreach (var t in Texts(item))
                    {
                        yield return t;
                    }
                }

                break;
        }
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();
}
