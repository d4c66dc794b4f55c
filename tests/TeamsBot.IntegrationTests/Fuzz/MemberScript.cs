using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Trygg.Testing;

namespace Trygg.Fuzz;

/// <summary>
/// A member going through the bot the way Teams would carry them: free text as messages, card buttons as
/// Action.Execute invokes. Used to seed real data (profiles, incidents, drafts) before hostile or faulty traffic.
/// </summary>
internal sealed partial class MemberScript(TryggApp app, FakeConnector connector, Activities who)
{
    public Activities Who { get; } = who;

    /// <summary>Yesterday in Stockholm: a report date that is never in the future, whatever time the test runs.</summary>
    public static string Yesterday =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"))
            .AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Presses a card button; returns the card that replaces it.</summary>
    public async Task<JsonNode> ExecuteAsync(string verb, JsonObject data)
    {
        using var response = await app.PostActivityAsync(Who.Execute(verb, data));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{verb} answered {(int)response.StatusCode}: {text}");
        }

        var body = JsonNode.Parse(text)!;
        return (string?)body["type"] == "application/vnd.microsoft.card.adaptive"
            ? body["value"]!
            : throw new InvalidOperationException($"{verb} did not answer with a card: {text}");
    }

    /// <summary>The member moves: their profile names <paramref name="organisationId"/> from now on; what they left stays.</summary>
    public async Task MoveToAsync(string organisationId)
    {
        var store = app.Get<Members.IMemberProfileStore>();
        var key = new Members.MemberKey(Activities.TenantId, Who.UserAadObjectId);
        await store.SaveAsync(key, (await store.GetAsync(key, default))! with { OrganisationId = organisationId }, default);
    }

    /// <summary>Writes <paramref name="text"/>; returns the first card the bot sends this member in answer.</summary>
    public async Task<JsonNode> SayAsync(string text)
    {
        var message = Who.Message(text);
        var id = (string)message["id"]!;
        using var response = await app.PostActivityAsync(message);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"'{text}' answered {(int)response.StatusCode}");
        }

        var reply = await connector.WaitForMessageAsync(r => r.ActivityId == id && r.ConversationId == Who.ConversationId);
        return CardJson.CardOf(reply.Body!) ?? reply.Body!;
    }

    public Task<JsonNode> SaveProfileAsync(string phone = "", string party = "Socialdemokraterna", string next = "") =>
        ExecuteAsync("profile.save", new JsonObject
        {
            ["organisation"] = "alingsas",
            ["party"] = party,
            ["role"] = "fritidspolitiker",
            ["bodies"] = "ks",
            ["phone"] = phone,
            ["next"] = next,
        });

    /// <summary>From "jag har blivit hotad" to the preview card; returns the draft id.</summary>
    public async Task<string> DraftToPreviewAsync(string description, string platform = "Instagram")
    {
        var draft = DraftOf(await SayAsync("jag har blivit hotad"));
        await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        await ExecuteAsync("reporting.next", StepOne(draft, description, platform));
        var preview = await ExecuteAsync("reporting.preview", StepTwo(draft));
        if (!CardJson.TextOf(preview).Contains(description, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The preview does not show the description: " + preview.ToJsonString());
        }

        return draft;
    }

    /// <summary>A whole report; returns the receipt's case number.</summary>
    public async Task<string> ReportAsync(string description, string platform = "Instagram")
    {
        var draft = await DraftToPreviewAsync(description, platform);
        var receipt = await ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft });
        return CaseNumberOf(CardJson.TextOf(receipt))
            ?? throw new InvalidOperationException("No case number on the receipt: " + receipt.ToJsonString());
    }

    /// <summary>"Berätta om ett möte i förväg", sent; returns the card's notice id and the reference on the receipt.</summary>
    public async Task<(string NoticeId, string Reference)> MeetingNoticeAsync(string topic)
    {
        var card = await SayAsync("vi har ett känsligt beslut på fullmäktige nästa vecka");
        var noticeId = NoticeId().Match(card.ToJsonString()) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("No notice id on the card: " + card.ToJsonString());
        var receipt = await ExecuteAsync("meeting.send", new JsonObject
        {
            ["notice"] = noticeId,
            ["date"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["time"] = "18:00",
            ["body"] = "kf",
            ["topic"] = topic,
            ["reason"] = "Många arga inlägg.",
            ["audience"] = "100 personer",
        });
        return (noticeId, CaseNumberOf(CardJson.TextOf(receipt)) ?? throw new InvalidOperationException("No reference: " + receipt.ToJsonString()));
    }

    public static JsonObject StepOne(string draft, string description, string platform = "Instagram") => new()
    {
        ["draft"] = draft,
        ["kind"] = "threat",
        ["date"] = Yesterday,
        ["time"] = "21:30",
        ["place"] = "online",
        ["platform"] = platform,
        ["assignment"] = "ks",
        ["description"] = description,
    };

    public static JsonObject StepTwo(string draft) => new()
    {
        ["draft"] = draft,
        ["perpetrator"] = "anonymousAccount",
        ["ongoing"] = "false",
        ["relatives"] = "false",
        ["injured"] = "false",
        ["evidence"] = "screenshots,links",
        ["police"] = "notYet",
        ["diary"] = "",
        ["contact"] = "teams",
    };

    public static string DraftOf(JsonNode card) =>
        DraftId().Match(card.ToJsonString()) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("No draft id on the card: " + card.ToJsonString());

    public static string? CaseNumberOf(string text) => CaseNumber().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex("\"draft\":\"([0-9a-f]{32})\"")]
    private static partial Regex DraftId();

    [GeneratedRegex("\"notice\":\"([0-9a-f]{32})\"")]
    private static partial Regex NoticeId();

    [GeneratedRegex(@"\b[A-Z]{2,5}-\d{4}-\d{4,}\b")]
    private static partial Regex CaseNumber();
}
