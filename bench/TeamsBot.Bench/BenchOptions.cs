using System.Globalization;

namespace Trygg.Bench;

/// <summary>Command-line knobs; the defaults are what the README's figures were measured with.</summary>
internal sealed record BenchOptions(int SequentialTurns, int Conversations, int TurnsPerConversation, int WarmupTurns, int GuidanceRounds, int FanOutMembers = 5000, int FanOutScale = 4, bool OnlyFanOut = false, bool OnlyGuidance = false, bool OnlyTurns = false)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(SequentialTurns: 500, Conversations: 50, TurnsPerConversation: 200, WarmupTurns: 6000, GuidanceRounds: 200);
        if (args.Contains("--only-fanout"))
        {
            options = options with { OnlyFanOut = true };
            args = [.. args.Where(a => a != "--only-fanout")];
        }

        if (args.Contains("--only-guidance"))
        {
            options = options with { OnlyGuidance = true };
            args = [.. args.Where(a => a != "--only-guidance")];
        }

        if (args.Contains("--only-turns"))
        {
            options = options with { OnlyTurns = true };
            args = [.. args.Where(a => a != "--only-turns")];
        }

        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--sequential-turns" => options with { SequentialTurns = value },
                "--conversations" => options with { Conversations = value },
                "--turns-per-conversation" => options with { TurnsPerConversation = value },
                "--warmup-turns" => options with { WarmupTurns = value },
                "--guidance-rounds" => options with { GuidanceRounds = value },
                "--fanout-members" => options with { FanOutMembers = value },
                "--fanout-scale" => options with { FanOutScale = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }
}
