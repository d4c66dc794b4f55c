using System.Text.Json.Nodes;
using Trygg.Organisations;

namespace Trygg.Testing;

/// <summary>The Teams steps every feature's tests take: registering the security channel and Teams' file consent flow.</summary>
public sealed partial class TryggBot
{
    /// <summary>
    /// Registers "19:security@thread.tacv2" in team "19:team@thread.tacv2" as <paramref name="organisationId"/>'s security
    /// channel, as an administrator's "registrera säkerhetskanal" does: what names members is shown only there.
    /// </summary>
    public Task RegisterSecurityChannelAsync(string registeredBy, string organisationId = "alingsas") =>
        App.Get<ISecurityChannelStore>().SaveAsync(
            new SecurityChannel(Activities.TenantId, organisationId, "19:team@thread.tacv2", "19:security@thread.tacv2", registeredBy, DateTimeOffset.UtcNow), default);

    /// <summary>
    /// Teams' file consent flow as the user who asked: waits for the file consent card offering a file whose name ends
    /// with <paramref name="suffix"/>, presses Allow as <paramref name="user"/> (Teams sends fileConsent/invoke with an
    /// upload URL, here the fake's), and returns what the bot uploaded, or null when it uploaded nothing.
    /// </summary>
    public async Task<string?> AcceptOfferedFileAsync(Activities user, string suffix)
    {
        ArgumentNullException.ThrowIfNull(user);
        var offer = await Connector.WaitForMessageAsync(r => OfferedFile(r.Body!)?["name"]?.GetValue<string>().EndsWith(suffix, StringComparison.Ordinal) == true);
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
                    ["uploadUrl"] = Connector.UploadUrl(name),
                    ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/file",
                    ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C8C",
                    ["fileType"] = suffix.TrimStart('.'),
                },
            },
        });
        using var response = await App.PostActivityAsync(consent);
        response.EnsureSuccessStatusCode();
        return Connector.Uploaded(name) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;
    }

    /// <summary>The file consent attachment of a recorded message, or null.</summary>
    public static JsonNode? OfferedFile(JsonNode message) =>
        message["attachments"]?.AsArray().FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.teams.card.file.consent");
}
