using System.Text.Json.Nodes;

namespace Trygg.Testing;

/// <summary>Teams' file consent flow as the user who was offered a file: for tests that need the uploaded bytes.</summary>
public static class FileConsentFlow
{
    private const string ConsentType = "application/vnd.microsoft.teams.card.file.consent";

    /// <summary>
    /// Waits for a file consent card offering a file whose name ends with <paramref name="suffix"/>, presses Allow as
    /// <paramref name="user"/> (Teams sends <c>fileConsent/invoke</c> with an upload URL, here the fake's) and returns the
    /// offered name and the bytes the bot uploaded (null when it uploaded nothing).
    /// </summary>
    public static async Task<(string Name, byte[]? Bytes)> AcceptAsync(FakeConnector connector, TryggApp app, Activities user, string suffix)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(user);
        static JsonNode? Offer(JsonNode? message) =>
            message?["attachments"]?.AsArray().FirstOrDefault(a => (string?)a?["contentType"] == ConsentType);

        var request = await connector.WaitForMessageAsync(r => ((string?)Offer(r.Body)?["name"])?.EndsWith(suffix, StringComparison.Ordinal) == true);
        var offer = Offer(request.Body)!;
        var offeredName = (string)offer["name"]!;
        var uploadName = Guid.NewGuid().ToString("N") + suffix;
        var invoke = user.Base("invoke", null, new JsonObject
        {
            ["name"] = "fileConsent/invoke",
            ["value"] = new JsonObject
            {
                ["type"] = "fileUpload",
                ["action"] = "accept",
                ["context"] = offer["content"]!["acceptContext"]!.DeepClone(),
                ["uploadInfo"] = new JsonObject
                {
                    ["name"] = offeredName,
                    ["uploadUrl"] = connector.UploadUrl(uploadName),
                    ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/file",
                    ["uniqueId"] = Guid.NewGuid().ToString(),
                    ["fileType"] = suffix.TrimStart('.'),
                },
            },
        });
        using var response = await app.PostActivityAsync(invoke);
        response.EnsureSuccessStatusCode();
        return (offeredName, connector.Uploaded(uploadName));
    }
}
