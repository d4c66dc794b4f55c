using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Organisations;

namespace Trygg.Training;

/// <summary>The security unit's training view through /api/messages: status in the channel, registering attendance.</summary>
public sealed class TrainingUnitTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string StaffAadObjectId = "00000000-0000-0000-0000-0000000000020";
    private TryggBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await TryggBot.StartAsync(azurite);

        // The status names members, so it is shown only in the organisation's registered security channel.
        await _bot.RegisterSecurityChannelAsync(StaffAadObjectId);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string CurrentCycle =>
        MandateCalendar.PeriodAt(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Trygg.Organisations.Calendar.OfficeCalendar.Stockholm).DateTime), BodyKind.Council).ToString();

    private async Task<string> SeedAsync(string name, string party, MemberRole role, bool done)
    {
        var id = Guid.NewGuid().ToString();
        var services = _bot.App.Services;
        await services.GetRequiredService<IMemberProfileStore>().SaveAsync(
            new MemberKey(Activities.TenantId, id),
            new MemberProfile("alingsas", party, role, ["kf"], null, name, null, DateTimeOffset.UtcNow),
            CancellationToken.None);
        if (done)
        {
            var key = new TrainingRecordKey(Activities.TenantId, "alingsas", "mandatperiod", CurrentCycle, id);
            await services.GetRequiredService<ITrainingRecords>().UpdateAsync(
                key, _ => TrainingRecord.New(key, name, party, role, DateTimeOffset.UtcNow) with { DoneAt = DateTimeOffset.UtcNow, Source = CompletionSource.SelfReported },
                CancellationToken.None);
        }

        return id;
    }

    private JsonObject InChannel(string text) =>
        new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = StaffAadObjectId, ConversationId = "19:security@thread.tacv2" }.ChannelMessage(text);

    private async Task<JsonNode> ReplyAsync(JsonObject activity)
    {
        _bot.Connector.Clear();
        await _bot.PostAsync(activity);
        var conversation = (string)activity["conversation"]!["id"]!;
        return (await _bot.Connector.WaitForMessageAsync(r => r.ConversationId?.StartsWith(conversation, StringComparison.Ordinal) == true)).Body!;
    }

    [Fact]
    public async Task Status_CountsByPartyAndRole_ListsWhoIsNotDone_AndRegisteringCountsIt()
    {
        await SeedAsync("Anna Andersson", "Moderaterna", MemberRole.SarskiltArvoderad, done: true);
        await SeedAsync("Bo Berg", "Moderaterna", MemberRole.SarskiltArvoderad, done: false);
        await SeedAsync("Cecilia Ek", "Socialdemokraterna", MemberRole.Fritidspolitiker, done: false);

        var before = CardJson.TextOf(CardJson.CardOf(await ReplyAsync(InChannel("utbildningsstatus"))));
        Assert.Contains("Utbildningsstatus, Alingsås kommun", before, StringComparison.Ordinal);
        Assert.Contains("1 av 3 klara (33 %)", before, StringComparison.Ordinal);
        Assert.Contains("Särskilt arvoderade som inte är klara: Bo Berg (Moderaterna)", before, StringComparison.Ordinal);

        var registered = await ReplyAsync(InChannel("registrera utbildning bo berg"));
        Assert.StartsWith("Registrerat: Bo Berg har genomfört", (string?)registered["text"], StringComparison.Ordinal);

        var after = CardJson.CardOf(await ReplyAsync(InChannel("utbildningsstatus")))!;
        var text = CardJson.TextOf(after);
        Assert.Contains("2 av 3 klara (67 %)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("inte är klara", text, StringComparison.Ordinal);
        var facts = after.ToJsonString();
        Assert.Contains("\"title\":\"Moderaterna\",\"value\":\"2 av 2\"", facts, StringComparison.Ordinal);

        // The list names members: no link on the card; the file goes to the asker's own chat (Teams file consent).
        Assert.Null(after["actions"]);
        var csv = await _bot.AcceptOfferedFileAsync(new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = StaffAadObjectId }, ".csv");
        Assert.NotNull(csv);
        Assert.Contains("Bo Berg,Moderaterna,SarskiltArvoderad,done", csv, StringComparison.Ordinal);
        Assert.Contains("RegisteredByUnit", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMember_GetsTheirOwnTrainingNotTheStatus_AndAnUnknownNameIsSaidPlainly()
    {
        await _bot.App.Services.GetRequiredService<IMemberProfileStore>().SaveAsync(
            new MemberKey(Activities.TenantId, _bot.Activities.UserAadObjectId),
            new MemberProfile("alingsas", "Moderaterna", MemberRole.Fritidspolitiker, ["kf"], null, "Dag Dal", null, DateTimeOffset.UtcNow),
            CancellationToken.None);
        var member = CardJson.TextOf(CardJson.CardOf(await ReplyAsync(_bot.Activities.Message("utbildningsstatus"))));
        Assert.Contains("Min utbildning", member, StringComparison.Ordinal);
        Assert.DoesNotContain("Utbildningsstatus, Alingsås kommun", member, StringComparison.Ordinal);

        var unknown = await ReplyAsync(InChannel("registrera utbildning Ingen Alls"));
        Assert.Contains("Jag hittar ingen ledamot som heter \"Ingen Alls\"", (string?)unknown["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_AMemberWhoseNameIsMarkdown_TheAnswerIsPlainText()
    {
        await SeedAsync("[Klicka här](https://evil.example)", "Moderaterna", MemberRole.Fritidspolitiker, done: false);

        var registered = await ReplyAsync(InChannel("registrera utbildning klicka"));

        Assert.Contains("Registrerat: [Klicka här](https://evil.example)", (string?)registered["text"], StringComparison.Ordinal);
        Assert.Equal("plain", (string?)registered["textFormat"]);
    }
}
