using System.Text.Json.Nodes;
using Trygg.Fuzz;
using Trygg.Teams.Wire;
using Trygg.Testing;

namespace Trygg.Security;

/// <summary>
/// Card data is data: what a member types (or what Teams says their name is) is shown literally, never evaluated as an
/// Adaptive Cards template expression, and cannot add or change card elements.
/// </summary>
public sealed class CardInjectionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Name = "${$root.title} ${if(true, 'Admin', 'x')} \"},{\"type\":\"Action.OpenUrl\"";

    public static TheoryData<string> Expressions => new()
    {
        "${description}",
        "${$root}",
        "${$root.title} och ${title}",
        "${if(true, 'ja', 'nej')} ${toUpper('x')}",
        "\\${escaped} ${",
        "${json('{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"}')}",
        "\"}]},{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"} ${$index}",
        "{{description}} $(whoami) <at>Trygg</at>",
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public async Task TemplateExpressionsInDescriptionPlatformAndName_ShownLiterally(string typed)
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = new TryggApp(azurite.ConnectionString, connector.ServiceUrl, AzuriteFixture.NewTablePrefix());
        var member = new MemberScript(app, connector, new Activities(connector.ServiceUrl));
        connector.AddMember(new TeamsChannelAccount { Id = member.Who.UserId, AadObjectId = member.Who.UserAadObjectId, Name = Name });

        var saved = await member.SaveProfileAsync();
        var draft = MemberScript.DraftOf(await member.SayAsync("jag har blivit hotad"));
        await member.ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        await member.ExecuteAsync("reporting.next", MemberScript.StepOne(draft, "Beskrivning: " + typed, "Plattform " + typed));
        var preview = await member.ExecuteAsync("reporting.preview", MemberScript.StepTwo(draft));
        var profile = await member.ExecuteAsync("profile.show", []);

        var previewText = CardJson.TextOf(preview);
        Assert.Contains("Beskrivning: " + typed, previewText, StringComparison.Ordinal);
        Assert.Contains(Strings(preview), v => v.Contains("Plattform " + typed, StringComparison.Ordinal));
        Assert.Contains(Strings(profile), v => v.Contains(Name, StringComparison.Ordinal));

        // Nothing was added to the cards: no link buttons, and the same elements as a harmless report would have.
        Assert.DoesNotContain("Action.OpenUrl", Actions(preview).Concat(Actions(saved)).Concat(Actions(profile)));
        Assert.DoesNotContain("evil.example", string.Join(' ', Urls(preview)), StringComparison.Ordinal);
    }

    /// <summary>Every "type" of every action in the card.</summary>
    private static IEnumerable<string> Actions(JsonNode? node) => node switch
    {
        JsonObject o => (o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type.StartsWith("Action.", StringComparison.Ordinal) ? new[] { type } : [])
            .Concat(o.SelectMany(p => Actions(p.Value))),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };

    /// <summary>Every string value in the card, as the client would read it (unescaped).</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static IEnumerable<string> Urls(JsonNode? node) => node switch
    {
        JsonObject o => (o["url"] is JsonValue u && u.TryGetValue<string>(out var url) ? [url] : Array.Empty<string>())
            .Concat(o.SelectMany(p => Urls(p.Value))),
        JsonArray a => a.SelectMany(Urls),
        _ => [],
    };
}
