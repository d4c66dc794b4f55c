using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Trygg.Fuzz;
using Trygg.Teams.Wire;
using Trygg.Testing;

namespace Trygg.Security;

/// <summary>
/// Everything the app logs during a whole report (profile with a phone number, a rejected form, the report, the receipt,
/// "mina rapporter", a meeting notice), at every level and with every structured value and exception, holds none of
/// what the member wrote or who they are.
/// </summary>
public sealed class LogPrivacyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Name = "Siri Sekretessdottir";
    private const string Email = "siri.sekretessdottir@alingsas.example";
    private const string Phone = "070-987 65 43";
    private const string Description = "PRIVATE-DESC-5b1 han skrev att han vet var min son går i skolan";
    private const string Platform = "PrivatePlatformZk";
    private const string Topic = "PRIVATE-TOPIC-a72 budget för hemtjänsten";

    private static readonly string[] Secrets =
        [Name, "Sekretessdottir", Email, "987 65 43", "9876543", "46709876543", "PRIVATE-DESC-5b1", "var min son", Platform, "PRIVATE-TOPIC-a72"];

    [Fact]
    public async Task FullReportFlow_LogsHoldNoMemberTextPhoneOrName()
    {
        await using var connector = await FakeConnector.StartAsync();
        var logs = new LogCapture(LogLevel.Trace);
        using var app = new TryggApp(
            azurite.ConnectionString, connector.ServiceUrl, AzuriteFixture.NewTablePrefix(),
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            logs.AddTo);
        var member = new MemberScript(app, connector, new Activities(connector.ServiceUrl));
        connector.AddMember(new TeamsChannelAccount { Id = member.Who.UserId, AadObjectId = member.Who.UserAadObjectId, Name = Name, Email = Email });

        await member.SayAsync("hej");
        await member.ExecuteAsync("profile.save", new JsonObject
        {
            ["organisation"] = "alingsas", ["party"] = "Socialdemokraterna", ["role"] = "fritidspolitiker", ["bodies"] = "ks", ["phone"] = "12" + Phone, ["next"] = "",
        });
        await member.SaveProfileAsync(phone: Phone);
        var draft = MemberScript.DraftOf(await member.SayAsync("jag har blivit hotad"));
        await member.ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        var invalid = MemberScript.StepOne(draft, Description + new string('!', 4001), Platform);
        await member.ExecuteAsync("reporting.next", invalid);
        await member.ExecuteAsync("reporting.next", MemberScript.StepOne(draft, Description, Platform));
        var stepTwo = MemberScript.StepTwo(draft);
        stepTwo["contact"] = "phone";
        await member.ExecuteAsync("reporting.preview", stepTwo);
        var receipt = CardJson.TextOf(await member.ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }));
        await member.SayAsync("mina rapporter");
        await member.MeetingNoticeAsync(Topic);

        // The flow really ran, and the logs really were captured (Trace, every category).
        var caseNumber = MemberScript.CaseNumberOf(receipt);
        Assert.NotNull(caseNumber);

        // The search would find text if it were there: the case number (not personal) is logged, as a structured value.
        Assert.Contains(logs.Entries, e => e.Values.Any(v => Equals(v.Value, caseNumber)));
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Trygg.Reporting", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level == LogLevel.Debug);
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("System.Net.Http", StringComparison.Ordinal));

        var leaks = logs.Entries
            .SelectMany(e => Secrets.Where(s => e.FullText.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"'{s}' in {e}: {e.FullText}"))
            .ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(10)));
    }
}
