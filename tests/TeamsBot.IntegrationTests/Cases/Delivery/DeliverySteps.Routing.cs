using System.Net;
using System.Text.Json.Nodes;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Cases.Delivery;

/// <summary>
/// Routing on the whole bot (<see cref="TryggBot"/>: every registration, the shipped example profiles) and the people of
/// the Alingsås example profile: Alex (security staff, administrator), Megan (the Socialdemokraterna's security
/// officer), a member who reports. Instances on the same table prefix are restarts or a second instance.
/// </summary>
internal static partial class DeliverySteps
{
    public const string Alex = "00000000-0000-0000-0000-0000000000020";
    public const string Megan = "00000000-0000-0000-0000-0000000000021";
    public const string Lynne = "00000000-0000-0000-0000-0000000000024";
    public const string TeamId = "19:team@thread.tacv2";
    public const string ChannelId = "19:security@thread.tacv2";

    /// <summary>Fast retries so a test sees several attempts in a second or two.</summary>
    public static readonly Dictionary<string, string?> FastDelivery = new()
    {
        ["Delivery:PollInterval"] = "00:00:00.100",
        ["Delivery:RetryDelay"] = "00:00:00.200",
        ["Delivery:MaxRetryDelay"] = "00:00:01",
        ["Delivery:ChannelWait"] = "00:00:00.200",
        ["Delivery:LeaseDuration"] = "00:00:30",
        ["Connector:MaxRetries"] = "1",
        ["Connector:BaseDelay"] = "00:00:00.010",
    };

    /// <summary>The whole bot with fast delivery and a member of its own to report (its <c>Member</c>), <paramref name="settings"/> on top.</summary>
    public static async Task<TryggBot> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var bot = await TryggBot.StartAsync(azurite, new TryggBotOptions { Settings = FastDelivery, Services = services }.With(settings));
        bot.Activities = new Activities(bot.Connector.ServiceUrl) { UserAadObjectId = "member-" + Guid.NewGuid().ToString("N")[..8] };
        return bot;
    }

    /// <summary>Someone writing in the security channel (the bot @mentioned, as Teams sends it).</summary>
    public static JsonObject InChannel(JsonObject activity, string userAadObjectId, string name) =>
        Activities.InChannel(activity, ChannelId, userAadObjectId, name, TeamId);

    extension(TryggBot bot)
    {
        /// <summary>The member who reports, in their personal chat.</summary>
        public Activities Member => bot.Activities;

        /// <summary>"@Trygg registrera säkerhetskanal" in the channel; returns the bot's answer.</summary>
        public async Task<string> RegisterChannelAsync(string userAadObjectId = Alex, string name = "Alex Wilber")
        {
            var message = bot.Member.Message("<at>Trygg</at> registrera säkerhetskanal");
            message["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "Trygg" },
                ["text"] = "<at>Trygg</at>",
            });
            var activity = InChannel(message, userAadObjectId, name);
            var response = await bot.App.PostActivityAsync(activity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var reply = await bot.Connector.WaitForMessageAsync(r => r.ActivityId == activity["id"]!.GetValue<string>());
            return reply.ToActivity()!.Text!;
        }

        /// <summary>A card button pressed in the channel by <paramref name="userAadObjectId"/>; the invoke response body.</summary>
        public async Task<JsonNode> PressInChannelAsync(string verb, string caseNumber, string userAadObjectId, string name, JsonObject? inputs = null)
        {
            var data = inputs ?? [];
            data["case"] = caseNumber;
            data["org"] = "alingsas";
            data["view"] = "summary";
            var activity = InChannel(bot.Member.Execute(verb, data), userAadObjectId, name);
            var response = await bot.App.PostActivityAsync(activity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }

        /// <summary>The member reports a threat through the whole conversation; returns the case number on the receipt.</summary>
        public async Task<string> ReportAsync(Activities? who = null)
        {
            who ??= bot.Member;
            var store = bot.App.Get<IMemberProfileStore>();
            await store.SaveAsync(
                new MemberKey(Activities.TenantId, who.UserAadObjectId),
                new MemberProfile("alingsas", "Socialdemokraterna", MemberRole.Fritidspolitiker, ["ks"], null, "Anna Andersson", null, DateTimeOffset.UtcNow),
                default);

            await bot.App.PostActivityAsync(who.Message("jag har blivit hotad"));
            var safety = await bot.Connector.WaitForMessageAsync(r => r.ConversationId == who.ConversationId && r.Body!.ToJsonString().Contains("\"draft\":\"", StringComparison.Ordinal));
            var draft = safety.Body!.ToJsonString().Split("\"draft\":\"")[1].Split('"')[0];
            var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

            await bot.ExecuteAsync(who, "reporting.safe", new JsonObject { ["draft"] = draft });
            await bot.ExecuteAsync(who, "reporting.next", new JsonObject
            {
                ["draft"] = draft, ["kind"] = "threat", ["date"] = today, ["time"] = "00:05", ["place"] = "online", ["platform"] = "Instagram",
                ["assignment"] = "ks", ["description"] = "Någon skrev \"jag vet var du bor\" under mitt inlägg.",
            });
            await bot.ExecuteAsync(who, "reporting.preview", new JsonObject
            {
                ["draft"] = draft, ["perpetrator"] = "anonymousAccount", ["ongoing"] = "false", ["relatives"] = "false", ["injured"] = "false",
                ["evidence"] = "screenshots", ["police"] = "notYet", ["diary"] = "", ["contact"] = "teams",
            });
            var receipt = await bot.ExecuteAsync(who, "reporting.send", new JsonObject { ["draft"] = draft });
            return System.Text.RegularExpressions.Regex.Match(receipt.ToJsonString(), @"TRY-\d{4}-\d{4}").Value;
        }

        private async Task<JsonNode> ExecuteAsync(Activities who, string verb, JsonObject data)
        {
            var response = await bot.App.PostActivityAsync(who.Execute(verb, data));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
            return body["value"]!;
        }

        /// <summary>
        /// The case's channel row once its delivery is recorded: Teams has the card a moment before the dispatcher writes
        /// down where it went, so seeing the card is not yet knowing its activity id.
        /// </summary>
        public async Task<OutboxEntity> ChannelRowDeliveredAsync(string caseNumber)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                var row = (await bot.App.Get<TableOutboxStore>().ListForCaseAsync(Activities.TenantId, "alingsas", caseNumber, default))
                    .Single(r => r.KindValue == OutboxKind.CaseToChannel);
                if (row.State == nameof(OutboxState.Delivered))
                {
                    return row;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The channel row of {caseNumber} was not recorded as delivered within 60 s.");
                }

                await Task.Delay(50);
            }
        }
    }

    /// <summary>Polls <paramref name="condition"/> (real time) until it holds; fails with <paramref name="what"/> after 60 s (generous: a loaded CI machine is slow, a working bot is not waited on).</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Not seen within 60 s: " + what);
            }

            await Task.Delay(50);
        }
    }
}
