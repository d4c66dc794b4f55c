using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Trygg.Cases;
using Trygg.Conversation;
using Trygg.Reporting;
using Trygg.Teams.Wire;
using Trygg.Testing;
using Xunit.Abstractions;

namespace Trygg.Fuzz;

/// <summary>
/// Ten thousand hostile activities through the real pipeline (Kestrel, inbound checks, the features, Azurite, the
/// loopback connector), sent by a member of the same organisation as a victim whose profile, report and unsent draft
/// are seeded first. Seeded: set TRYGG_FUZZ_SEED to replay a failure (the failure message names the seed and case).
/// </summary>
public sealed class HostileInputFuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Cases = 10_000;
    private const int Concurrency = 16;
    private const int DefaultSeed = 20_261_015;

    // Victim data the attacker never sends: none of it may appear in anything the bot says during the attack.
    private const string VictimName = "Vera Hemligsson";
    private const string VictimEmail = "vera.hemligsson@alingsas.example";
    private const string VictimPhone = "070-111 22 33";
    private const string VictimPhoneDigits = "46701112233";
    private const string VictimDescription = "VICTIMSECRET-3f9a stod utanför mitt hus";
    private const string VictimPlatform = "VictimPlatformQx";
    private const string VictimDraftText = "VICTIMDRAFT-7c2e skrev till min dotter";
    private const string VictimTopic = "VICTIMTOPIC-91d0 nedläggning av skolan";

    private static readonly string[] Secrets = [VictimName, VictimEmail, "VICTIMSECRET-3f9a", VictimPlatform, "VICTIMDRAFT-7c2e", "VICTIMTOPIC-91d0", VictimPhoneDigits, "0701112233"];

    [Fact]
    public async Task TenThousandHostileActivities_NoServerError_NoLeak_NoForgedCall_StillAnswering()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TRYGG_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        await using var connector = await FakeConnector.StartAsync();
        await using var forged = await FakeConnector.StartAsync();
        var logs = new LogCapture(LogLevel.Warning);
        // The console gets errors only (thousands of rejected activities would flood it); the capture gets warnings too.
        using var app = new TryggApp(
            azurite.ConnectionString, connector.ServiceUrl, AzuriteFixture.NewTablePrefix(),
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" },
            logs.AddTo);

        // The victim: a profile with a phone number, a sent report and a draft waiting at the preview.
        var victim = new MemberScript(app, connector, new Activities(connector.ServiceUrl));
        connector.AddMember(new TeamsChannelAccount { Id = victim.Who.UserId, AadObjectId = victim.Who.UserAadObjectId, Name = VictimName, Email = VictimEmail });
        await victim.SaveProfileAsync(phone: VictimPhone);
        var victimCase = await victim.ReportAsync(VictimDescription, VictimPlatform);
        var victimDraft = await victim.DraftToPreviewAsync(VictimDraftText);
        var (victimNoticeId, victimNotice) = await victim.MeetingNoticeAsync(VictimTopic);

        // The attacker: same organisation and party, with a report of their own.
        var attacker = new MemberScript(app, connector, new Activities(connector.ServiceUrl));
        connector.AddMember(new TeamsChannelAccount { Id = attacker.Who.UserId, AadObjectId = attacker.Who.UserAadObjectId, Name = "Mallory Angripare" });
        await attacker.SaveProfileAsync();
        var attackerCase = await attacker.ReportAsync("Någon skrev elaka saker om mig.");

        connector.Clear();
        logs.Clear();
        var targets = new FuzzTargets(
            connector.ServiceUrl, forged.ServiceUrl, Activities.TenantId, Activities.BotId,
            attacker.Who.UserId, attacker.Who.UserAadObjectId, attacker.Who.ConversationId, victim.Who.ConversationId,
            victimDraft, victimCase, victimNoticeId, [.. app.Get<TurnRouter>().Verbs]);
        var generator = new HostileActivities(seed, targets);
        var cases = Enumerable.Range(0, Cases).Select(generator.Next).ToList();

        // The victim's data and ids: the attacker sends the ids only where the bot never shows input back (chat text,
        // id-like card keys, the draft key), so finding any of these in an answer is a leak, not an echo.
        string[] markers = [.. Secrets, victimCase, victimDraft, victimNotice];
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var health = new CancellationTokenSource();
        var healthProbe = ProbeHealthAsync(app, failures, health.Token);

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (c, ct) =>
        {
            var (status, body) = await SendAsync(app, c, ct);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            var problem = Check(c, status, body, markers);
            if (problem is not null)
            {
                failures.Enqueue($"seed {seed} case {c.Index} ({c.Kind}): {problem}\n  request: {c.Preview}\n  answer: {Cut(body, 400)}");
            }
        });

        var elapsed = clock.Elapsed;
        await health.CancelAsync();
        await healthProbe;

        // Nothing reached the forged listener; nothing the connector was asked to post holds the victim's data.
        Assert.Empty(forged.Requests);
        foreach (var request in connector.Requests)
        {
            var text = request.Body?.ToJsonString() ?? "";
            foreach (var marker in markers.Where(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Enqueue($"seed {seed}: the connector was asked to post the victim's '{marker}': {request} {Cut(text, 400)}");
            }
        }

        // No failure hidden behind a "try again" and no unhandled exception in the logs. Two are expected: replies
        // refused for a forged serviceUrl, and the attacker's own state raced by its sixteen parallel requests.
        var refusedForgedUrl = logs.Entries.Count(e => e.Message.StartsWith("Replies not sent: the activity's serviceUrl is not trusted", StringComparison.Ordinal));
        var selfRaced = logs.Entries.Count(e => e.Exception is Storage.StorageConcurrencyException);
        foreach (var entry in logs.Entries.Where(e => (e.Exception is not null || e.Level >= LogLevel.Error)
            && !e.Message.StartsWith("Replies not sent: the activity's serviceUrl is not trusted", StringComparison.Ordinal)
            && e.Exception is not Storage.StorageConcurrencyException))
        {
            failures.Enqueue($"seed {seed}: logged {entry} {entry.Exception?.GetType().Name}: {Cut(entry.Exception?.ToString() ?? "", 600)}");
        }

        // Still answering, and the victim's data is intact and still theirs.
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Assert.Contains(victimCase, CardJson.TextOf(await victim.SayAsync("mina rapporter")), StringComparison.Ordinal);
        var resumed = CardJson.TextOf(await victim.ExecuteAsync("reporting.form", new JsonObject { ["draft"] = victimDraft }));
        Assert.Contains(VictimDraftText, resumed, StringComparison.Ordinal);
        var theirs = CardJson.TextOf(await attacker.SayAsync("mina rapporter"));
        Assert.Contains(attackerCase, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(victimCase, theirs, StringComparison.Ordinal);
        var stored = await app.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", victimCase, default);
        Assert.Equal(VictimDescription, stored!.Details.Description);

        output.WriteLine($"seed {seed}: replies refused for a forged serviceUrl {refusedForgedUrl}; attacker's own state raced {selfRaced}; {elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"seed {seed}: {Cases} cases; statuses {string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}x{p.Value}"))}; connector requests {connector.Requests.Count}");
        output.WriteLine("kinds: " + string.Join(", ", cases.GroupBy(c => c.Kind.Split('+')[0]).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}")));
        if (Environment.GetEnvironmentVariable("TRYGG_FUZZ_DUMP") is { Length: > 0 } dump)
        {
            await File.WriteAllLinesAsync(dump, failures);
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} problems; the first ones:\n" + string.Join("\n", failures.Take(15)));

        // The run must have reached the features, not only the front door.
        Assert.True(statuses.GetValueOrDefault(200) > Cases / 3, "too few requests got through to the features");
        Assert.True(statuses.GetValueOrDefault(413) >= 50, "too few oversized bodies");
        Assert.True(connector.Requests.Count > 1000, "too few replies reached the connector");
    }

    private static string? Check(FuzzCase c, int status, string body, string[] markers)
    {
        if (c.Expectation == FuzzExpectation.TooLarge)
        {
            return status == 413 ? null : $"expected 413, got {status}";
        }

        if (status == 0)
        {
            return "no answer (connection failed)";
        }

        if (status >= 500 && !(status == 501 && IsUnsupportedInvoke(c)))
        {
            return $"server error {status}";
        }

        return markers.FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leaked
            ? $"the answer holds the victim's '{leaked}'"
            : null;
    }

    /// <summary>
    /// An invoke the bot does not implement (not adaptiveCard/action) is answered 501, as the Bot Framework does; every
    /// other request must get less than 500.
    /// </summary>
    private static bool IsUnsupportedInvoke(FuzzCase c)
    {
        try
        {
            var node = JsonNode.Parse(c.Body) as JsonObject;
            return node?["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type == "invoke"
                && !(node["name"] is JsonValue n && n.TryGetValue<string>(out var name) && name == "adaptiveCard/action");
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<(int Status, string Body)> SendAsync(TryggApp app, FuzzCase c, CancellationToken ct)
    {
        if (c.Expectation == FuzzExpectation.TooLarge)
        {
            return await RawPostAsync(app.BaseAddress, c, ct);
        }

        HttpContent content = c.Chunked ? new UnknownLengthContent(c.Body) : new ByteArrayContent(c.Body);
        if (MediaTypeHeaderValue.TryParse(c.ContentType, out var contentType))
        {
            content.Headers.ContentType = contentType;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        try
        {
            using var response = await app.Http.SendAsync(request, ct);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (HttpRequestException e)
        {
            return (0, e.Message);
        }
    }

    /// <summary>
    /// Posts over a bare socket and reads the answer while still sending: the bot answers 413 and closes the
    /// connection before the body is all there, which HttpClient reports as a failed send instead of the answer.
    /// </summary>
    private static async Task<(int Status, string Body)> RawPostAsync(Uri baseAddress, FuzzCase c, CancellationToken ct)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, ct);
        var stream = tcp.GetStream();
        var head = $"POST /api/messages HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Type: {c.ContentType}\r\nConnection: close\r\n"
            + (c.Chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {c.Body.Length}\r\n") + "\r\n";
        var reading = ReadAnswerAsync(stream, ct);
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
            for (var offset = 0; offset < c.Body.Length && !reading.IsCompleted; offset += 16 * 1024)
            {
                var chunk = c.Body.AsMemory(offset, Math.Min(16 * 1024, c.Body.Length - offset));
                if (c.Chunked)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"), ct);
                    await stream.WriteAsync(chunk, ct);
                    await stream.WriteAsync("\r\n"u8.ToArray(), ct);
                }
                else
                {
                    await stream.WriteAsync(chunk, ct);
                }
            }

            if (c.Chunked && !reading.IsCompleted)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), ct);
            }
        }
        catch (IOException)
        {
            // The bot closed the connection after answering; the answer is what counts.
        }

        return await reading;
    }

    private static async Task<(int Status, string Body)> ReadAnswerAsync(Stream stream, CancellationToken ct)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // Reset after the answer arrived.
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var statusLine = text.Split("\r\n", 2)[0].Split(' ');
        var status = statusLine.Length > 1 && int.TryParse(statusLine[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : 0;
        return (status, text);
    }

    private static async Task ProbeHealthAsync(TryggApp app, ConcurrentQueue<string> failures, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var response = await app.Http.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"/healthz answered {(int)response.StatusCode} during the attack");
                }

                await Task.Delay(250, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>A body sent with chunked transfer encoding (no Content-Length), as a streaming client would.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
