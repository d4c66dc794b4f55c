using System.ComponentModel.DataAnnotations;
using Trygg.Hosting;

namespace Trygg.Guidance.Learning;

/// <summary>How often an instance reads the pairs other instances' administrators decided.</summary>
public sealed class GuidanceLearningOptions
{
    public const string Section = "Guidance:Learning";

    /// <summary>Every instance learns an approval within this time (the issue asks for a minute at most).</summary>
    [DurationRange("00:00:00.100", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
