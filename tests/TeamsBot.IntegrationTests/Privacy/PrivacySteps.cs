using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Trygg.Cases.Delivery;
using Trygg.Fuzz;
using Trygg.Teams.Wire;
using Trygg.Testing;

namespace Trygg.Privacy;

/// <summary>
/// The whole bot (<see cref="TryggBot"/>) with, when asked, a fake clock and a log capture, a security channel registered
/// for every organisation, and the privacy tests' steps: members who report through /api/messages, security staff
/// writing in the channel. Instances on one prefix share the tables.
/// </summary>
internal static class PrivacySteps
{
    /// <summary>Security staff in every shipped profile (the Playground's own user).</summary>
    public const string Alex = "00000000-0000-0000-0000-0000000000020";
    public const string ChannelId = "19:security@thread.tacv2";

    public static async Task<TryggBot> StartAsync(AzuriteFixture azurite, FakeTimeProvider? time = null, LogCapture? logs = null, IDictionary<string, string?>? settings = null)
    {
        var options = new TryggBotOptions
        {
            Settings = new Dictionary<string, string?>
            {
                // Nothing delivers in the background: the tests look at what is stored, not at what Teams was sent.
                ["Delivery:RunInBackground"] = "false",
                ["Privacy:RunAt"] = "00:00:00",
                ["Logging:LogLevel:Default"] = logs is null ? "Warning" : "Trace",
            },
            Time = time,
            Logs = logs,
        };
        var host = await TryggBot.StartAsync(azurite, options.With(settings));

        // Erasure is done only in an organisation's registered security channel: Alex registered this one for each.
        var channels = host.App.Get<Trygg.Organisations.ISecurityChannelStore>();
        foreach (var organisation in host.App.Get<Trygg.Organisations.IOrganisationDirectory>().All)
        {
            await channels.SaveAsync(new Trygg.Organisations.SecurityChannel(Activities.TenantId, organisation.Id, "19:team@thread.tacv2", ChannelId, Alex, DateTimeOffset.UtcNow), default);
        }

        return host;
    }

    public static JsonObject InChannel(JsonObject activity, string userAadObjectId, string name) =>
        Activities.InChannel(activity, ChannelId, userAadObjectId, name);

    /// <summary>Every property of every row of <paramref name="tableName"/>, as text.</summary>
    public static async Task<string> DumpAsync(AzuriteFixture azurite, string tableName)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var table = new TableClient(azurite.ConnectionString, tableName);
        await table.CreateIfNotExistsAsync();
        var text = new System.Text.StringBuilder();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            text.Append(row.PartitionKey).Append(' ').Append(row.RowKey);
            foreach (var (key, value) in row)
            {
                text.Append(' ').Append(key).Append('=').Append(value);
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    extension(TryggBot host)
    {
        /// <summary>The clock the bot was started with, when the test gave it one.</summary>
        public FakeTimeProvider? Time => host.Options.Time as FakeTimeProvider;

        public LogCapture? Logs => host.Options.Logs;

        /// <summary>A member in their personal chat, known to Teams by <paramref name="name"/> and e-mail.</summary>
        public MemberScript Member(string name, string locale = "sv-SE")
        {
            var who = new Activities(host.Connector.ServiceUrl) { Locale = locale };
            host.Connector.AddMember(new TeamsChannelAccount
            {
                Id = who.UserId,
                AadObjectId = who.UserAadObjectId,
                Name = name,
                Email = name.Replace(' ', '.').ToLowerInvariant() + "@alingsas.example",
            });
            return new MemberScript(host.App, host.Connector, who);
        }

        /// <summary>Someone writing in the security channel (the bot @mentioned); returns the bot's answer.</summary>
        public async Task<JsonNode> SayInChannelAsync(string text, string userAadObjectId = Alex, string name = "Alex Wilber")
        {
            var activity = InChannel(new Activities(host.Connector.ServiceUrl).Message(text), userAadObjectId, name);
            var id = (string)activity["id"]!;
            using var response = await host.App.PostActivityAsync(activity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var reply = await host.Connector.WaitForMessageAsync(r => r.ActivityId == id);
            return CardJson.CardOf(reply.Body!) ?? reply.Body!;
        }

        /// <summary>A card button pressed in the channel; the invoke response body.</summary>
        public async Task<JsonNode> PressInChannelAsync(string verb, JsonObject data, string userAadObjectId = Alex, string name = "Alex Wilber")
        {
            var activity = InChannel(new Activities(host.Connector.ServiceUrl).Execute(verb, data), userAadObjectId, name);
            using var response = await host.App.PostActivityAsync(activity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }

        /// <summary>Every property of every row of a table, as text: for asserting that something is nowhere any more.</summary>
        public Task<string> DumpAsync(string logicalTable) => DumpAsync(host.Azurite, host.TablePrefix + logicalTable);

        /// <summary>Delivers what the outbox holds now, as the background dispatcher would, until nothing is left to claim.</summary>
        public async Task DeliverAllAsync()
        {
            var dispatcher = host.App.Get<Trygg.Outbox.OutboxDispatcher>();
            while (await dispatcher.RunOnceAsync(default) > 0)
            {
            }
        }

        /// <summary>Where the case's cards were posted (conversation and activity id), from its delivered outbox rows.</summary>
        public async Task<List<(string ConversationId, string ActivityId)>> PostedCardsAsync(string caseNumber, string organisationId = "alingsas") =>
            [.. (await host.App.Get<Trygg.Outbox.TableOutboxStore>().ListForCaseAsync(Activities.TenantId, organisationId, caseNumber, default))
                .Where(ErasedCards.IsPostedCard)
                .Select(r => (r.ConversationId!, r.ActivityId!))];

        /// <summary>Each of <paramref name="posted"/> now shows only the erased card: no case number, none of <paramref name="secrets"/>.</summary>
        public void AssertErasedCards(IEnumerable<(string ConversationId, string ActivityId)> posted, string caseNumber, IEnumerable<string> secrets)
        {
            foreach (var (conversationId, activityId) in posted)
            {
                var card = host.Connector.GetActivity(conversationId, activityId)!.ToJsonString();
                Assert.Contains("Uppgifterna är raderade.", System.Text.RegularExpressions.Regex.Unescape(card), StringComparison.Ordinal);
                Assert.DoesNotContain(caseNumber, card, StringComparison.Ordinal);
                Assert.All(secrets, s => Assert.DoesNotContain(s, card, StringComparison.Ordinal));
            }
        }

        /// <summary>Everything logged, with structured values and exceptions.</summary>
        public string LogText => host.Logs is { } logs ? string.Join('\n', logs.Entries.Select(e => e.FullText)) : "";
    }
}
