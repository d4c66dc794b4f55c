using System.ComponentModel.DataAnnotations;
using Trygg.Hosting;

namespace Trygg.Training;

/// <summary>The reminder scheduler. Bound from the <c>Training</c> section; bad values stop the bot at start.</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>
    /// How often the scheduler plans reminders; it enqueues those due within the next interval, each at its own minute,
    /// so this is not how precisely they go out.
    /// </summary>
    [DurationRange("00:00:00.100", "01:00:00")]
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>False runs no scheduler in this process (tests that drive it by hand; a web-only instance).</summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>
    /// The Entra tenant whose members group (the profile's <c>membersGroupId</c>) is read. Defaults to <c>Bot:TenantId</c>;
    /// without either, the tenant of the organisation's member profiles when they all share one.
    /// </summary>
    public string? TenantId { get; set; }
}
