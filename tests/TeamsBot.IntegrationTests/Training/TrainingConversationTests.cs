using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Testing;
using Trygg.Organisations;

namespace Trygg.Training;

/// <summary>A member's side of training through /api/messages, with Azurite and the loopback connector.</summary>
public sealed class TrainingConversationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TryggBot _bot = null!;

    public async Task InitializeAsync() => _bot = await TryggBot.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string CurrentCycle =>
        MandateCalendar.PeriodAt(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Trygg.Organisations.Calendar.OfficeCalendar.Stockholm).DateTime), BodyKind.Council).ToString();

    private async Task<JsonNode> ExecuteAsync(string verb, JsonObject data)
    {
        var response = await _bot.PostAsync(_bot.Activities.Execute(verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private Task<JsonNode> SaveProfileAsync(string organisation, string role) => ExecuteAsync("profile.save", new JsonObject
    {
        ["organisation"] = organisation,
        ["party"] = "Moderaterna",
        ["role"] = role,
        ["bodies"] = "ks",
        ["phone"] = "",
    });

    private async Task<string> AskAsync(string text)
    {
        _bot.Connector.Clear();
        await _bot.PostAsync(_bot.Activities.Message(text));
        return CardJson.TextOf(CardJson.CardOf((await _bot.Connector.WaitForMessageAsync()).Body!));
    }

    [Fact]
    public async Task MinUtbildning_ThenDone_ThenStatusShowsItDone_AndTheRecordIsStored()
    {
        await SaveProfileAsync("stockholm", "sarskiltArvoderad");

        var before = await AskAsync("min utbildning");
        Assert.Contains("Personsäkerhetsutbildning\nInte gjord än. Senast", before, StringComparison.Ordinal);
        Assert.Contains("Årligt säkerhetssamtal", before, StringComparison.Ordinal); // särskilt arvoderad: the yearly talk applies

        var done = await ExecuteAsync("training.done", new JsonObject { ["campaign"] = "mandatperiod", ["cycle"] = CurrentCycle });
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)done["type"]);
        Assert.StartsWith("Tack! \"Personsäkerhetsutbildning\" är markerad som genomförd", (string?)done["value"], StringComparison.Ordinal);

        // A snooze after it is done changes nothing.
        var snooze = await ExecuteAsync("training.snooze", new JsonObject { ["campaign"] = "mandatperiod", ["cycle"] = CurrentCycle });
        Assert.StartsWith("Tack!", (string?)snooze["value"], StringComparison.Ordinal);

        var after = await AskAsync("min utbildning");
        Assert.Contains("Personsäkerhetsutbildning\nGenomförd", after, StringComparison.Ordinal);

        var records = _bot.App.Services.GetRequiredService<ITrainingRecords>();
        var stored = await records.ListAsync(Activities.TenantId, "stockholm", "mandatperiod", CurrentCycle, CancellationToken.None);
        var record = Assert.Single(stored);
        Assert.Equal(CompletionSource.SelfReported, record.Source);
        Assert.Null(record.SnoozedUntil);
    }

    [Fact]
    public async Task MinUtbildning_NotDone_CourseLinkAndIHaveDoneItThatWork()
    {
        await SaveProfileAsync("alingsas", "fritidspolitiker");
        _bot.Connector.Clear();
        await _bot.PostAsync(_bot.Activities.Message("min utbildning"));
        var card = CardJson.CardOf((await _bot.Connector.WaitForMessageAsync()).Body!)!;

        var json = card.ToJsonString();
        Assert.Contains("\"url\":\"https://example.com/sakerhetsutbildning\"", json, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Öppna utbildningen\"", System.Text.RegularExpressions.Regex.Unescape(json), StringComparison.Ordinal);
        var done = System.Text.RegularExpressions.Regex.Match(json, "\"verb\":\"training.done\",\"data\":(\\{[^}]*\\})");
        Assert.True(done.Success, json);

        var pressed = await ExecuteAsync("training.done", JsonNode.Parse(done.Groups[1].Value)!.AsObject());
        Assert.StartsWith("Tack! \"Säkerhetsutbildning för förtroendevalda\" är markerad som genomförd", (string?)pressed["value"], StringComparison.Ordinal);

        // Done: neither the link nor the button is offered again.
        _bot.Connector.Clear();
        await _bot.PostAsync(_bot.Activities.Message("min utbildning"));
        var after = CardJson.CardOf((await _bot.Connector.WaitForMessageAsync()).Body!)!.ToJsonString();
        Assert.DoesNotContain("training.done", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WelcomeTraining_ShowsTheTrainingStatus_NotComingSoon()
    {
        await SaveProfileAsync("alingsas", "fritidspolitiker");

        var answer = await ExecuteAsync("welcome.training", []);

        var text = CardJson.TextOf(answer["value"]);
        Assert.Contains("Min utbildning", text, StringComparison.Ordinal);
        Assert.Contains("Säkerhetsutbildning för förtroendevalda", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Snart", answer.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snooze_IsStored_AndAnUnknownCampaignIsExplained()
    {
        await ExecuteAsync("profile.save", new JsonObject
        {
            ["organisation"] = "alingsas",
            ["party"] = "Socialdemokraterna",
            ["role"] = "fritidspolitiker",
            ["bodies"] = "ks",
            ["phone"] = "",
        });

        var snooze = await ExecuteAsync("training.snooze", new JsonObject { ["campaign"] = "mandatperiod", ["cycle"] = CurrentCycle });
        Assert.StartsWith("Okej, jag påminner dig igen", (string?)snooze["value"], StringComparison.Ordinal);
        var records = _bot.App.Services.GetRequiredService<ITrainingRecords>();
        var record = Assert.Single(await records.ListAsync(Activities.TenantId, "alingsas", "mandatperiod", CurrentCycle, CancellationToken.None));
        Assert.True(record.SnoozedUntil > DateTimeOffset.UtcNow.AddDays(6));
        Assert.False(record.Done);

        var unknown = await ExecuteAsync("training.done", new JsonObject { ["campaign"] = "no-such-course", ["cycle"] = CurrentCycle });
        Assert.Contains("min utbildning", (string?)unknown["value"], StringComparison.Ordinal);
    }
}
