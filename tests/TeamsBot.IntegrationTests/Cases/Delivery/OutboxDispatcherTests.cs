using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Trygg.Conversation.Proactive;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Testing.Cases;

namespace Trygg.Cases.Delivery;

/// <summary>The outbox and its dispatcher on Azurite, with a fake clock and a recording messenger instead of Teams.</summary>
public sealed class OutboxDispatcherTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);

    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly List<IHost> _hosts = [];

    private IHost NewHost(RecordingMessenger? messenger = null, FakeDirectory? directory = null, IDictionary<string, string?>? settings = null, LogCapture? logs = null)
    {
        var host = DeliverySteps.Start(azurite, _prefix, _time, messenger, directory, settings: settings, logs: logs);
        _hosts.Add(host);
        return host;
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }

    /// <summary>Rewrites a row's kind as another version of the bot would write it (the typed entity cannot hold a kind it does not know).</summary>
    private async Task SetKindAsync(OutboxEntity row, string kind)
    {
        var incidents = azurite.CreateServiceClient().GetTableClient(_prefix + TableIncidentStore.TableName);
        var raw = (await incidents.GetEntityAsync<Azure.Data.Tables.TableEntity>(row.PartitionKey, row.RowKey)).Value;
        raw["Kind"] = kind;
        await incidents.UpdateEntityAsync(raw, raw.ETag, Azure.Data.Tables.TableUpdateMode.Replace);
    }

    private static ProactiveException Transient(TimeSpan? retryAfter = null) => new(ProactiveFailure.Transient, "429 TooManyRequests", retryAfter);

    [Fact]
    public async Task RunOnce_RowOfAKindWithNoHandler_LeftUnclaimedWithItsAttemptsForAnInstanceThatKnowsIt()
    {
        var logs = new LogCapture();
        var bot = NewHost(logs: logs);
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync();

        // A newer version wrote the officer's row with a kind this instance does not know.
        var officer = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.KindValue == OutboxKind.CaseToPerson);
        await SetKindAsync(officer, "CaseToPersonFromANewerVersion");

        Assert.Equal(1, await bot.Dispatcher.RunOnceAsync(default));
        Assert.Equal(0, await bot.Dispatcher.RunOnceAsync(default));

        var left = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.RowKey == officer.RowKey);
        Assert.Equal(OutboxState.Pending, left.StateValue);
        Assert.Equal(0, left.Attempts);
        Assert.Null(left.LeaseOwner);
        Assert.Empty(bot.Messenger.SentTo(TestOrganisations.Megan));
        var error = Assert.Single(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains("CaseToPersonFromANewerVersion", error.FullText, StringComparison.Ordinal);
        Assert.DoesNotContain(incident.CaseNumber, error.FullText, StringComparison.Ordinal);
        Assert.DoesNotContain("vet var jag bor", error.FullText, StringComparison.Ordinal);

        // The instance that knows the kind delivers it as a first attempt.
        await SetKindAsync(left, nameof(OutboxKind.CaseToPerson));
        Assert.Equal(1, await bot.Dispatcher.RunOnceAsync(default));
        Assert.Single(bot.Messenger.SentTo(TestOrganisations.Megan));
        var delivered = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.RowKey == officer.RowKey);
        Assert.Equal(OutboxState.Delivered, delivered.StateValue);
        Assert.Equal(1, delivered.Attempts);
    }

    [Fact]
    public async Task Submit_ThenARound_ChannelThreadAndOfficer1to1_RecordedForLaterUpdates()
    {
        var bot = NewHost();
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync();

        Assert.Equal(2, await bot.Dispatcher.RunOnceAsync(default));

        var channel = Assert.Single(bot.Messenger.SentTo(DeliverySteps.ChannelId));
        Assert.Contains(incident.CaseNumber, channel.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("vet var jag bor", channel.Text, StringComparison.Ordinal);
        var megan = Assert.Single(bot.Messenger.SentTo(TestOrganisations.Megan));
        Assert.Contains("vet var jag bor", megan.Text, StringComparison.Ordinal);

        var rows = await bot.RowsAsync(incident.CaseNumber);
        var channelRow = rows.Single(r => r.KindValue == OutboxKind.CaseToChannel);
        Assert.Equal(OutboxState.Delivered, channelRow.StateValue);
        Assert.Equal(channel.Where.ConversationId, channelRow.ConversationId);
        Assert.Equal(channel.Where.ActivityId, channelRow.ActivityId);
        Assert.Null(channelRow.LeaseOwner);
        Assert.Equal(OutboxState.Pending, rows.Single(r => r.KindValue == OutboxKind.Escalation).StateValue);
    }

    [Fact]
    public async Task ChannelNotRegistered_CardWaitsWithoutUsingAttempts_ThenGoesOut()
    {
        var bot = NewHost();
        var incident = await bot.SubmitAsync();

        for (var i = 0; i < 8; i++)
        {
            await bot.Dispatcher.RunOnceAsync(default);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Empty(bot.Messenger.SentTo(DeliverySteps.ChannelId));
        var waiting = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.KindValue == OutboxKind.CaseToChannel);
        Assert.Equal(OutboxState.Pending, waiting.StateValue);
        Assert.Equal(0, waiting.Attempts);

        await bot.RegisterChannelAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        await bot.DrainAsync();

        Assert.Single(bot.Messenger.SentTo(DeliverySteps.ChannelId));
    }

    [Fact]
    public async Task Throttled_HonoursRetryAfter_ThenDeliversExactlyOnce()
    {
        var messenger = new RecordingMessenger();
        var failures = 3;
        messenger.FailWhen = (kind, _) => kind == SentCard.Channel && Interlocked.Decrement(ref failures) >= 0 ? Transient(TimeSpan.FromSeconds(30)) : null;
        var bot = NewHost(messenger);
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync();

        await bot.Dispatcher.RunOnceAsync(default);
        _time.Advance(TimeSpan.FromSeconds(20));
        await bot.Dispatcher.RunOnceAsync(default);
        var row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.KindValue == OutboxKind.CaseToChannel);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(Start + TimeSpan.FromSeconds(30), row.DueAt);
        Assert.Equal("429 TooManyRequests", row.LastError);

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            await bot.DrainAsync();
        }

        Assert.Single(bot.Messenger.SentTo(DeliverySteps.ChannelId));
        row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.KindValue == OutboxKind.CaseToChannel);
        Assert.Equal(OutboxState.Delivered, row.StateValue);
        Assert.Equal(4, row.Attempts);
    }

    [Fact]
    public async Task Backoff_WithoutRetryAfter_GrowsExponentially()
    {
        var messenger = new RecordingMessenger { FailWhen = (kind, _) => kind == SentCard.User ? Transient() : null };
        var bot = NewHost(messenger);
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync();
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var before = _time.GetUtcNow();
            await bot.DrainAsync();
            var row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.RecipientAadObjectId == TestOrganisations.Megan);
            waits.Add(row.DueAt - before);
            _time.Advance(row.DueAt - _time.GetUtcNow());
        }

        // 10 s, 20 s, 40 s, each within ±20 % jitter.
        Assert.InRange(waits[0].TotalSeconds, 8, 12);
        Assert.InRange(waits[1].TotalSeconds, 16, 24);
        Assert.InRange(waits[2].TotalSeconds, 32, 48);
    }

    [Fact]
    public async Task CircuitOpen_RowWaitsForTheCircuitWithoutUsingAttempts_ThenGoesOut()
    {
        // The connector held every call back for longer than the row has attempts: none of them reached Teams.
        var held = 0;
        var messenger = new RecordingMessenger
        {
            FailWhen = (kind, _) => kind == SentCard.User && held++ < 12
                ? new ProactiveException(ProactiveFailure.Transient, "503 CircuitOpen", TimeSpan.FromSeconds(15), notAttempted: true)
                : null,
        };
        var bot = NewHost(messenger);
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync();

        await bot.DrainAsync();
        var row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.RecipientAadObjectId == TestOrganisations.Megan);
        Assert.Equal(OutboxState.Pending, row.StateValue);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(15), row.DueAt);
        Assert.Equal("503 CircuitOpen", row.LastError);

        for (var i = 0; i < 14; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(15));
            await bot.DrainAsync();
        }

        row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.RecipientAadObjectId == TestOrganisations.Megan);
        Assert.Equal(OutboxState.Delivered, row.StateValue);
        Assert.Single(bot.Messenger.SentTo(TestOrganisations.Megan));
        Assert.Single(bot.Messenger.SentTo(DeliverySteps.ChannelId)); // the case's thread, and no failure notice
    }

    [Fact]
    public async Task UntrustedServiceUrl_RowWaitsWithoutUsingAttempts_NeverFails_ThenGoesOut()
    {
        // Longer than the row has attempts: as a transient failure this failed the alert without one call reaching Teams.
        var trusted = false;
        var messenger = new RecordingMessenger
        {
            FailWhen = (kind, _) => kind == SentCard.User && !Volatile.Read(ref trusted)
                ? new ProactiveException(ProactiveFailure.UntrustedServiceUrl, "not on the allow-list", notAttempted: true)
                : null,
        };
        var bot = NewHost(messenger);
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync();

        for (var i = 0; i < 12; i++)
        {
            await bot.DrainAsync();
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.RecipientAadObjectId == TestOrganisations.Megan);
        Assert.Equal((OutboxState.Pending, 0), (row.StateValue, row.Attempts));
        Assert.Equal(OutboxDispatcher.UntrustedServiceUrlError + "not on the allow-list", row.LastError);
        Assert.Single(bot.Messenger.SentTo(DeliverySteps.ChannelId)); // the case's thread, and no failure notice

        Volatile.Write(ref trusted, true);
        _time.Advance(TimeSpan.FromMinutes(1));
        await bot.DrainAsync();

        row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.RecipientAadObjectId == TestOrganisations.Megan);
        Assert.Equal(OutboxState.Delivered, row.StateValue);
        Assert.Single(bot.Messenger.SentTo(TestOrganisations.Megan));
    }

    [Fact]
    public async Task KeepsFailing_MarkedFailedWithTheReason_AndTheChannelIsTold()
    {
        var messenger = new RecordingMessenger { FailWhen = (kind, _) => kind == SentCard.User ? Transient() : null };
        var bot = NewHost(messenger);
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync(priority: Priority.Normal);

        for (var i = 0; i < 10; i++)
        {
            await bot.DrainAsync();
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        var row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.RecipientAadObjectId == TestOrganisations.Megan);
        Assert.Equal(OutboxState.Failed, row.StateValue);
        Assert.Equal(5, row.Attempts);
        Assert.Equal("gave up after 5 attempts: 429 TooManyRequests", row.LastError);
        var posts = bot.Messenger.SentTo(DeliverySteps.ChannelId);
        Assert.Equal(2, posts.Count);
        var notice = posts[1].Text;
        Assert.Contains("Kunde inte nå en mottagare", notice, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen", notice, StringComparison.Ordinal);
        Assert.Contains(incident.CaseNumber, notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockedByTheUser_FailsAtOnce_AndTheChannelIsTold()
    {
        var messenger = new RecordingMessenger
        {
            FailWhen = (kind, _) => kind == SentCard.User ? new ProactiveException(ProactiveFailure.Permanent, "403 MessageWritesBlocked") : null,
        };
        var bot = NewHost(messenger);
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync();

        await bot.DrainAsync();

        var row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.RecipientAadObjectId == TestOrganisations.Megan);
        Assert.Equal((OutboxState.Failed, 1, "403 MessageWritesBlocked"), (row.StateValue, row.Attempts, row.LastError));
        Assert.Contains("403 MessageWritesBlocked", bot.Messenger.SentTo(DeliverySteps.ChannelId)[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelItselfFails_TheHeadOfSecurityIsTold()
    {
        var messenger = new RecordingMessenger
        {
            FailWhen = (kind, _) => kind == SentCard.Channel ? new ProactiveException(ProactiveFailure.Permanent, "400 BadArgument") : null,
        };
        var bot = NewHost(messenger);
        await bot.RegisterChannelAsync();
        await bot.SubmitAsync();

        await bot.DrainAsync();

        var notice = Assert.Single(bot.Messenger.SentTo(TestOrganisations.Lynne));
        Assert.Contains("säkerhetskanalen", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppNotInstalled_InstallsThroughTheDirectoryOnce_ThenDelivers()
    {
        var installed = false;
        var messenger = new RecordingMessenger
        {
            FailWhen = (kind, target) => kind == SentCard.User && !Volatile.Read(ref installed) ? new ProactiveException(ProactiveFailure.NotInstalled, "403 Forbidden") : null,
        };
        var directory = new FakeDirectory();
        var bot = NewHost(messenger, directory);
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync();

        await bot.DrainAsync();
        Assert.Equal([TestOrganisations.Megan], directory.Installs);
        var row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.RecipientAadObjectId == TestOrganisations.Megan);
        Assert.Equal(Start + TimeSpan.FromSeconds(30), row.DueAt);

        _time.Advance(TimeSpan.FromSeconds(30));
        await bot.DrainAsync();
        Assert.Empty(bot.Messenger.SentTo(TestOrganisations.Megan));
        Assert.Single(directory.Installs);

        Volatile.Write(ref installed, true);
        _time.Advance(TimeSpan.FromMinutes(1));
        await bot.DrainAsync();
        Assert.Single(bot.Messenger.SentTo(TestOrganisations.Megan));
    }

    [Fact]
    public async Task AppNotInstalled_NoDirectory_SaysSoAndEventuallyTellsTheChannel()
    {
        var messenger = new RecordingMessenger
        {
            FailWhen = (kind, _) => kind == SentCard.User ? new ProactiveException(ProactiveFailure.NotInstalled, "403 Forbidden") : null,
        };
        var bot = NewHost(messenger, new FakeDirectory { NotConfigured = true });
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync(priority: Priority.Normal);

        for (var i = 0; i < 10; i++)
        {
            await bot.DrainAsync();
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        var row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.RecipientAadObjectId == TestOrganisations.Megan);
        Assert.Equal(OutboxState.Failed, row.StateValue);
        Assert.Contains("directory is not configured", row.LastError, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen", bot.Messenger.SentTo(DeliverySteps.ChannelId)[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoDispatchers_SameTables_EachMessageSentOnce()
    {
        var messenger = new RecordingMessenger();
        var one = NewHost(messenger);
        var two = NewHost(messenger);
        await one.RegisterChannelAsync();
        for (var i = 0; i < 10; i++)
        {
            await one.SubmitAsync();
        }

        await Task.WhenAll(
            Task.Run(() => one.DrainAsync()), Task.Run(() => two.DrainAsync()),
            Task.Run(() => one.DrainAsync()), Task.Run(() => two.DrainAsync()));

        Assert.Equal(20, messenger.Sent.Count);
        Assert.Equal(10, messenger.SentTo(DeliverySteps.ChannelId).Count);
        Assert.Equal(10, messenger.SentTo(TestOrganisations.Megan).Select(s => s.Card.Json).Distinct().Count());
    }

    [Fact]
    public async Task DispatcherDiesHoldingALease_RowWaitsForTheLease_ThenAnotherDeliversIt()
    {
        var bot = NewHost();
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync();
        var row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.KindValue == OutboxKind.CaseToChannel);
        Assert.True(await bot.Outbox.TryClaimAsync(row, "a-dead-instance", _time.GetUtcNow() + TimeSpan.FromMinutes(2), default));

        await bot.DrainAsync();
        Assert.Empty(bot.Messenger.SentTo(DeliverySteps.ChannelId));

        _time.Advance(TimeSpan.FromMinutes(2));
        await bot.DrainAsync();
        Assert.Single(bot.Messenger.SentTo(DeliverySteps.ChannelId));
    }

    [Fact]
    public async Task HostStopsJustAfterTeamsAcceptedTheCard_TheResultIsStillRecorded_AndItIsNotSentAgain()
    {
        using var stopping = new CancellationTokenSource();
        var messenger = new RecordingMessenger();
        messenger.FailWhen = (kind, _) =>
        {
            if (kind == SentCard.Channel)
            {
                stopping.Cancel(); // the shutdown arrives while Teams is taking the card; the send itself completes
            }

            return null;
        };
        var bot = NewHost(messenger);
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bot.Dispatcher.RunOnceAsync(stopping.Token));

        var row = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.KindValue == OutboxKind.CaseToChannel);
        Assert.Equal(OutboxState.Delivered, row.StateValue);
        Assert.Null(row.LeaseOwner);
        _time.Advance(TimeSpan.FromMinutes(3));
        await bot.DrainAsync();
        Assert.Single(messenger.SentTo(DeliverySteps.ChannelId));
    }

    [Fact]
    public async Task Claim_AfterAnotherClaimedTheSameRead_Loses()
    {
        var bot = NewHost();
        var incident = await bot.SubmitAsync();
        var first = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.KindValue == OutboxKind.CaseToChannel);
        var second = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.KindValue == OutboxKind.CaseToChannel);

        Assert.True(await bot.Outbox.TryClaimAsync(first, "one", _time.GetUtcNow().AddMinutes(2), default));
        Assert.False(await bot.Outbox.TryClaimAsync(second, "two", _time.GetUtcNow().AddMinutes(2), default));
        Assert.False(await bot.Outbox.WriteAsync(second, default));
    }

    [Fact]
    public async Task Restart_PendingRetriesSurvive_AndResumeOnTime()
    {
        var messenger = new RecordingMessenger { FailWhen = (kind, _) => kind == SentCard.Channel ? Transient(TimeSpan.FromMinutes(5)) : null };
        var first = NewHost(messenger);
        await first.RegisterChannelAsync();
        await first.SubmitAsync();
        await first.DrainAsync();
        first.Dispose();
        _hosts.Remove(first);

        var healthy = new RecordingMessenger();
        var second = NewHost(healthy);
        _time.Advance(TimeSpan.FromMinutes(4));
        await second.DrainAsync();
        Assert.Empty(healthy.SentTo(DeliverySteps.ChannelId));

        _time.Advance(TimeSpan.FromMinutes(1));
        await second.DrainAsync();
        Assert.Single(healthy.SentTo(DeliverySteps.ChannelId));
    }
}
