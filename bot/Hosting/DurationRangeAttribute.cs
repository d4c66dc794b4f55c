using Trygg.Hosting;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Trygg.Hosting;

/// <summary>
/// A <see cref="TimeSpan"/> setting must lie between two limits (inclusive), written as invariant <c>c</c> strings such as
/// <c>"00:00:00.100"</c> or <c>"1.00:00:00"</c>. It replaces <c>[Range(typeof(TimeSpan), …)]</c>, whose first use turns
/// its string limits into <see cref="TimeSpan"/>s in place (dotnet/runtime#1143): two hosts starting at the same time (tests, or two options
/// validated in parallel) both saw the strings, one converted them, the other cast a <see cref="TimeSpan"/> to string
/// and the host did not start. These limits are parsed once, here, and never change.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class DurationRangeAttribute : ValidationAttribute
{
    public DurationRangeAttribute(string minimum, string maximum)
    {
        Minimum = TimeSpan.ParseExact(minimum, "c", CultureInfo.InvariantCulture);
        Maximum = TimeSpan.ParseExact(maximum, "c", CultureInfo.InvariantCulture);
        if (Minimum > Maximum)
        {
            throw new ArgumentException($"The minimum {minimum} is above the maximum {maximum}.", nameof(minimum));
        }
    }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    /// <summary>No value passes, as with <see cref="RangeAttribute"/>: whether one is required is another rule's to say.</summary>
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        TimeSpan duration => duration >= Minimum && duration <= Maximum,
        _ => false,
    };

    public override string FormatErrorMessage(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} must be between {Minimum:c} and {Maximum:c}.");
}
