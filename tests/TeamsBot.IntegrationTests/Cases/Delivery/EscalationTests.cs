using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Testing.Cases;

namespace Trygg.Cases.Delivery;

/// <summary>Escalation on a fake clock: a whole night in milliseconds, with the real tables.</summary>
public sealed class EscalationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    // A Tuesday, 21:00 in Stockholm: out of office hours.
    private static readonly DateTimeOffset Evening = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);

    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private readonly FakeTimeProvider _time = new(Evening);
    private readonly List<IHost> _hosts = [];

    private IHost NewHost(RecordingMessenger? messenger = null)
    {
        var host = DeliverySteps.Start(azurite, _prefix, _time, messenger);
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

    /// <summary>
    /// Minute by minute until <paramref name="until"/> after the evening began, a dispatcher round after every minute;
    /// after the first hour, when the interesting times are past, in steps of ten minutes.
    /// </summary>
    private async Task RunUntilAsync(TimeSpan until, params IHost[] hosts)
    {
        while (_time.GetUtcNow() - Evening < until)
        {
            var elapsed = _time.GetUtcNow() - Evening;
            _time.Advance(elapsed < TimeSpan.FromHours(1) || until - elapsed < TimeSpan.FromMinutes(20) ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(10));
            foreach (var host in hosts)
            {
                await host.DrainAsync();
            }
        }
    }

    private static int Reminders(IHost bot) =>
        bot.Messenger.SentTo(DeliverySteps.ChannelId).Count(s => s.Text.Contains("Påminnelse", StringComparison.Ordinal));

    [Fact]
    public async Task NobodyAcknowledges_EscalatesOnTime_ToChannelOnCallAndHead_TwoRoundsThenStops()
    {
        var bot = NewHost();
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync(priority: Priority.High);
        await bot.DrainAsync();

        await RunUntilAsync(TimeSpan.FromMinutes(14), bot);
        Assert.Equal(0, Reminders(bot));
        Assert.Empty(bot.Messenger.SentTo(TestOrganisations.Isaiah));

        await RunUntilAsync(TimeSpan.FromMinutes(15), bot);
        Assert.Equal(1, Reminders(bot));
        Assert.Single(bot.Messenger.SentTo(TestOrganisations.Isaiah));
        Assert.Single(bot.Messenger.SentTo(TestOrganisations.Lynne));
        var file = (await bot.Cases.GetAsync(DeliverySteps.Tenant, bot.Organisation.Id, incident.CaseNumber, default))!.File;
        Assert.Equal(1, file.EscalationRound);

        // The whole night: one more round 15 minutes later, then nothing.
        await RunUntilAsync(TimeSpan.FromHours(10), bot);
        Assert.Equal(2, Reminders(bot));
        Assert.Equal(2, bot.Messenger.SentTo(TestOrganisations.Isaiah).Count);
        Assert.Equal(2, bot.Messenger.SentTo(TestOrganisations.Lynne).Count);
        var audit = await bot.Cases.ListAuditAsync(DeliverySteps.Tenant, bot.Organisation.Id, incident.CaseNumber, default);
        Assert.Equal(["round 1", "round 2"], audit.Where(a => a.Action == AuditAction.Escalated).Select(a => a.Detail));
    }

    [Fact]
    public async Task AcknowledgedInTime_NeverEscalates()
    {
        var bot = NewHost();
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync(priority: Priority.High);
        await RunUntilAsync(TimeSpan.FromMinutes(10), bot);

        await bot.PressAsync(CaseVerbs.Acknowledge, incident.CaseNumber, TestOrganisations.Alex);
        await RunUntilAsync(TimeSpan.FromHours(10), bot);

        Assert.Equal(0, Reminders(bot));
        Assert.Empty(bot.Messenger.SentTo(TestOrganisations.Isaiah));
        var timer = (await bot.RowsAsync(incident.CaseNumber)).Single(r => r.KindValue == OutboxKind.Escalation);
        Assert.Equal(OutboxState.Cancelled, timer.StateValue);
    }

    [Fact]
    public async Task AcknowledgedAfterTheFirstRound_StopsTheSecond()
    {
        var bot = NewHost();
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync(priority: Priority.High);
        await RunUntilAsync(TimeSpan.FromMinutes(16), bot);
        Assert.Equal(1, Reminders(bot));

        await bot.PressAsync(CaseVerbs.Take, incident.CaseNumber, TestOrganisations.Lynne);
        await RunUntilAsync(TimeSpan.FromHours(10), bot);

        Assert.Equal(1, Reminders(bot));
        Assert.Single(bot.Messenger.SentTo(TestOrganisations.Isaiah));
    }

    [Fact]
    public async Task AcknowledgedBeforeTheEscalationMessagesWentOut_TheyAreDropped()
    {
        var messenger = new RecordingMessenger();
        var bot = NewHost(messenger);
        await bot.RegisterChannelAsync();
        var incident = await bot.SubmitAsync(priority: Priority.High);
        await bot.DrainAsync();

        // The timer fires but Teams is down for the reminders; someone acknowledges meanwhile.
        messenger.FailWhen = (_, _) => new Trygg.Outbox.ProactiveException(Trygg.Outbox.ProactiveFailure.Transient, "503 ServiceUnavailable");
        _time.Advance(TimeSpan.FromMinutes(15));
        await bot.DrainAsync();
        messenger.FailWhen = null;
        await bot.PressAsync(CaseVerbs.Acknowledge, incident.CaseNumber, TestOrganisations.Alex);
        await RunUntilAsync(TimeSpan.FromHours(1), bot);

        Assert.Equal(0, Reminders(bot));
        Assert.Empty(bot.Messenger.SentTo(TestOrganisations.Isaiah));
        var rows = await bot.RowsAsync(incident.CaseNumber);
        Assert.All(rows.Where(r => r.OnlyWhileUnacknowledged), r => Assert.Equal(OutboxState.Cancelled, r.StateValue));
    }

    [Fact]
    public async Task NormalPriority_WaitsItsOwnTime()
    {
        var bot = NewHost();
        await bot.RegisterChannelAsync();
        await bot.SubmitAsync(priority: Priority.Normal);

        await RunUntilAsync(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(59), bot);
        Assert.Equal(0, Reminders(bot));

        await RunUntilAsync(TimeSpan.FromHours(4), bot);
        Assert.Equal(1, Reminders(bot));
    }

    [Fact]
    public async Task TwoInstances_EscalateOnce()
    {
        var messenger = new RecordingMessenger();
        var one = NewHost(messenger);
        var two = NewHost(messenger);
        await one.RegisterChannelAsync();
        await one.SubmitAsync(priority: Priority.High);

        while (_time.GetUtcNow() - Evening < TimeSpan.FromHours(2))
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAll(Task.Run(() => one.DrainAsync()), Task.Run(() => two.DrainAsync()));
        }

        Assert.Equal(2, Reminders(one));
        Assert.Equal(2, messenger.SentTo(TestOrganisations.Isaiah).Count);
        Assert.Equal(2, messenger.SentTo(TestOrganisations.Lynne).Count);
    }
}
