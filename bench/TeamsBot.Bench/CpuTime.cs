using System.Globalization;

namespace Trygg.Bench;

/// <summary>CPU time (user + system) of some processes from a starting point, read from /proc/PID/stat.</summary>
internal sealed class CpuTime
{
    /// <summary>Clock ticks per second of /proc's times; 100 on every Linux this runs on (USER_HZ).</summary>
    private const double TicksPerSecond = 100;

    private readonly int[] _pids;
    private readonly long[] _start;

    private CpuTime(int[] pids)
    {
        _pids = pids;
        _start = Array.ConvertAll(pids, Ticks);
    }

    public static CpuTime Of(params int[] pids) => new(pids);

    /// <summary>Milliseconds of CPU per turn for each process since <see cref="Of"/>, rounded to 0.01.</summary>
    public double[] PerTurn(int turns) =>
        [.. _pids.Select((pid, i) => Math.Round((Ticks(pid) - _start[i]) * 1000 / TicksPerSecond / turns, 2))];

    private static long Ticks(int pid)
    {
        if (pid <= 0 || !File.Exists($"/proc/{pid}/stat"))
        {
            return 0;
        }

        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
