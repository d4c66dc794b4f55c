using System.Globalization;

namespace Trygg.Hosting;

public static class ClockSetup
{
    /// <summary>Development only: the moment the bot's clock starts at, e.g. <c>2026-10-15T09:00:00+02:00</c>; it runs on from there.</summary>
    public const string FakeNowSetting = "Trygg:FakeNow";

    /// <summary>
    /// The bot's one clock (<see cref="TimeProvider"/>), which every feature reads the time from: the system clock, or, with
    /// <see cref="FakeNowSetting"/>, the system clock moved to start at that moment (to see a mandate period's reminders go
    /// out on 15 October). The shifted clock is refused outside Development, where it would send real reminders on wrong
    /// days. Tests put their own clock in place of this one.
    /// </summary>
    public static IHostApplicationBuilder AddClock(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(Clock(builder));
        return builder;
    }

    private static TimeProvider Clock(IHostApplicationBuilder builder)
    {
        if (builder.Configuration[FakeNowSetting] is not { Length: > 0 } text)
        {
            return TimeProvider.System;
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{FakeNowSetting} is set, but it is only for local runs (ASPNETCORE_ENVIRONMENT=Development). Remove it.");
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            throw new InvalidOperationException($"{FakeNowSetting} is '{text}': write a date and time with its offset, e.g. 2026-10-15T09:00:00+02:00.");
        }

        return new ShiftedTimeProvider(start - TimeProvider.System.GetUtcNow());
    }
}

/// <summary>The system clock moved by a fixed offset: time passes normally, from another starting point.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
