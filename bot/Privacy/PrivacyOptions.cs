using System.ComponentModel.DataAnnotations;
using Trygg.Hosting;

namespace Trygg.Privacy;

/// <summary>The daily retention job. Bound from the <c>Privacy</c> section; bad values stop the bot at start.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Time of day (Europe/Stockholm) from which the day's run may start: a quiet hour.</summary>
    [DurationRange("00:00:00", "23:59:59")]
    public TimeSpan RunAt { get; set; } = new(3, 0, 0);

    /// <summary>How often an instance looks whether today's run is due and unclaimed.</summary>
    [DurationRange("00:00:01", "06:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a claimed run is reserved for its instance; after that (a crash) another instance may do the day.</summary>
    [DurationRange("00:01:00", "12:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>False runs no job in this process (tests that drive it by hand).</summary>
    public bool RunInBackground { get; set; } = true;
}
