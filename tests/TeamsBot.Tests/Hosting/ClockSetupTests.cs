using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Trygg.Hosting;

public sealed class ClockSetupTests
{
    [Fact]
    public void AddClock_NoFakeNow_TheSystemClock()
    {
        using var host = Build(Environments.Production, null);

        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddClock_FakeNowInDevelopment_StartsThereAndRunsOn()
    {
        using var host = Build(Environments.Development, "2026-10-15T09:00:00+02:00");

        var clock = host.Services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();

        Assert.InRange(now, DateTimeOffset.Parse("2026-10-15T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-10-15T07:05:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(host.Services.GetServices<TimeProvider>());
    }

    [Fact]
    public void AddClock_FakeNowOutsideDevelopment_RefusesToStart()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Build(Environments.Production, "2026-10-15T09:00:00+02:00"));

        Assert.Contains(ClockSetup.FakeNowSetting, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddClock_FakeNowWithoutOffset_SaysHowToWriteIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Build(Environments.Development, "den 15 oktober"));

        Assert.Contains("offset", e.Message, StringComparison.Ordinal);
    }

    private static IHost Build(string environment, string? fakeNow)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [ClockSetup.FakeNowSetting] = fakeNow });
        builder.AddClock();
        return builder.Build();
    }
}
