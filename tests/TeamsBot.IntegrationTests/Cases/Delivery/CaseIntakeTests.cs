using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Trygg.Cases.Rules;
using Trygg.Testing;
using Trygg.Testing.Cases;

namespace Trygg.Cases.Delivery;

/// <summary>The port Reporting submits through (<see cref="ICaseIntake"/>), on the real tables and the delivery services.</summary>
public sealed class CaseIntakeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    // A Tuesday, 10:00 in Stockholm: office hours.
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly IHost _host = DeliverySteps.Start(azurite, AzuriteFixture.NewTablePrefix(), new FakeTimeProvider(Morning));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task SubmitAsync_SameSubmissionThreeTimes_StoresOneIncidentAnnouncedOnce()
    {
        // One after the other: racing submits back off on the host's fake clock, which this test does not move
        // (TableIncidentStoreTests races them on the real clock).
        var id = Guid.NewGuid().ToString("N");

        Incident[] clicks = [await _host.SubmitAsync(submissionId: id), await _host.SubmitAsync(submissionId: id)];
        var resent = await _host.SubmitAsync(submissionId: id);

        var incident = Assert.Single(await _host.Get<IIncidentStore>().ListAsync(DeliverySteps.Tenant, _host.Organisation.Id, default));
        Assert.All(clicks.Append(resent), i => Assert.Equal(incident.CaseNumber, i.CaseNumber));

        // The channel's card, Megan's message and the escalation timer, once each.
        var rows = await _host.RowsAsync(incident.CaseNumber);
        Assert.Equal(3, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.RowKey).Distinct(StringComparer.Ordinal).Count());
        Assert.NotNull(await _host.Cases.GetAsync(DeliverySteps.Tenant, _host.Organisation.Id, incident.CaseNumber, default));
    }

    [Fact]
    public async Task SubmitAsync_TwoSubmissions_TwoIncidents()
    {
        var first = await _host.SubmitAsync();
        var second = await _host.SubmitAsync();

        Assert.NotEqual(first.CaseNumber, second.CaseNumber);
        Assert.Equal(2, (await _host.Get<IIncidentStore>().ListAsync(DeliverySteps.Tenant, _host.Organisation.Id, default)).Count);
    }

    [Fact]
    public async Task DeliveriesAsync_BeforeAndAfterTheOutboxRan_ChannelWaitingThenDelivered()
    {
        await _host.RegisterChannelAsync();
        var incident = await _host.SubmitAsync();
        var decision = TestOrganisations.Decision(_host.Organisation, Morning);
        var intake = _host.Get<ICaseIntake>();
        var channel = _host.Organisation.Routing.SecurityChannel.Name;

        var before = await intake.DeliveriesAsync(incident, decision, default);
        await _host.DrainAsync();
        var after = await intake.DeliveriesAsync(incident, decision, default);

        Assert.Equal(decision.Recipients.Select(r => (r.Role, r.Name)), before.Select(d => (d.Role, d.Name)));
        Assert.All(before, d => Assert.Equal(DeliveryState.Waiting, d.State));
        Assert.Equal(DeliveryState.Delivered, RecipientDelivery.Of(after, RecipientRole.SecurityChannel, channel));
    }
}
