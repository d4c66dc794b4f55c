using System.ComponentModel.DataAnnotations;
using Trygg.Testing;

namespace Trygg.Hosting;

public sealed class DurationRangeAttributeTests
{
    private sealed class Settings
    {
        [DurationRange("00:00:00.100", "1.00:00:00")]
        public TimeSpan Interval { get; set; }
    }

    [Theory]
    [InlineData("00:00:00.100", true)]
    [InlineData("1.00:00:00", true)]
    [InlineData("00:05:00", true)]
    [InlineData("00:00:00.099", false)]
    [InlineData("1.00:00:00.001", false)]
    [InlineData("-00:01:00", false)]
    public void Validate_LimitsAreInclusive(string value, bool valid)
    {
        var settings = new Settings { Interval = TimeSpan.ParseExact(value, "c", null) };
        var errors = new List<ValidationResult>();

        var ok = Validator.TryValidateObject(settings, new ValidationContext(settings), errors, validateAllProperties: true);

        Assert.Equal(valid, ok);
        if (!valid)
        {
            Assert.Contains("Interval must be between 00:00:00.1000000 and 1.00:00:00", Assert.Single(errors).ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_ManyThreadsAtOnceOnTheFirstUse_EveryOneGetsTheSameAnswer()
    {
        // [Range(typeof(TimeSpan), …)] converts its limits in place on first use (dotnet/runtime#1143), so two hosts validating options at
        // the same moment could throw InvalidCastException. Many fresh attributes, each first used by several threads.
        const int threads = 4;
        const int rounds = 2000;
        var expected = Enumerable.Range(0, threads).Select(i => i * 1500 >= 1 && i * 1500 <= 3600).ToList();
        var attributes = Enumerable.Range(0, rounds).Select(_ => Create()).ToArray();
        using var start = new Barrier(threads);

        var answers = Enumerable.Range(0, threads)
            .Select(i => Task.Factory.StartNew(
                () => attributes.Select(attribute =>
                {
                    start.SignalAndWait();
                    return attribute.IsValid(TimeSpan.FromSeconds(i * 1500));
                }).ToList(),
                TaskCreationOptions.LongRunning))
            .ToList()
            .Select(task => task.GetAwaiter().GetResult())
            .ToList();

        for (var round = 0; round < rounds; round++)
        {
            Assert.Equal(expected, answers.Select(thread => thread[round]));
        }
    }

    private static DurationRangeAttribute Create() => new DurationRangeAttribute("00:00:01", "01:00:00");

    [Fact]
    public void Construct_MinimumAboveMaximum_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new DurationRangeAttribute("01:00:00", "00:00:01"));
    }

    [Fact]
    public void Bot_NoTimeSpanSettingUsesRangeAttribute()
    {
        var offenders = Directory.EnumerateFiles(RepoPaths.Combine("bot"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => File.ReadLines(path).Any(line => line.TrimStart().StartsWith("[Range(typeof(TimeSpan)", StringComparison.Ordinal)))
            .Select(Path.GetFileName)
            .ToList();

        Assert.True(offenders.Count == 0, "Use [DurationRange] (thread-safe) for TimeSpan settings in: " + string.Join(", ", offenders));
    }
}
