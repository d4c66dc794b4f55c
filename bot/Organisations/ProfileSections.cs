using System.Collections.Concurrent;
using System.Text.Json;

namespace Trygg.Organisations;

/// <summary>
/// A part of an organisation profile that a feature owns (say "training" or "retention"): Organisations keeps the raw
/// JSON and the feature reads and checks it, so the profile depends on no feature. Register one per section in the
/// feature's Setup; the start-up check refuses a profile field no section claims and reads every claimed section once,
/// so a bad section stops start-up with file and field named.
/// </summary>
public interface IProfileSection
{
    /// <summary>The top-level profile field (e.g. "training").</summary>
    string Name { get; }

    /// <summary>Reads the section of <paramref name="organisation"/>; throws <see cref="OrganisationProfileException"/> naming file and field.</summary>
    void Check(Organisation organisation);
}

/// <summary>
/// The feature sections of one profile: the raw JSON as written, and each section as its feature read it (read once,
/// then kept). An organisation built in code has no file; its sections are what the code set with <see cref="With"/>
/// or the feature's default.
/// </summary>
public sealed class ProfileSections
{
    private readonly IReadOnlyDictionary<string, JsonElement> _raw;
    private readonly ConcurrentDictionary<string, object> _read;

    public static readonly ProfileSections None = new(null, new Dictionary<string, JsonElement>());

    internal ProfileSections(string? file, IReadOnlyDictionary<string, JsonElement> raw)
        : this(file, IgnoringCase(file, raw), new ConcurrentDictionary<string, object>(StringComparer.Ordinal))
    {
    }

    /// <summary>
    /// The JSON reader matches the organisation's own fields whatever their case, so sections are found the same way:
    /// "Training" is the training section. Written twice in two cases, the profile is ambiguous and refused.
    /// </summary>
    private static Dictionary<string, JsonElement> IgnoringCase(string? file, IReadOnlyDictionary<string, JsonElement> raw)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in raw)
        {
            if (!result.TryAdd(name, value))
            {
                var other = result.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                throw OrganisationProfileException.InField(file ?? "(built in code)", name, $"is written twice, also as '{other}': keep one.");
            }
        }

        return result;
    }

    private ProfileSections(string? file, IReadOnlyDictionary<string, JsonElement> raw, ConcurrentDictionary<string, object> read)
    {
        File = file;
        _raw = raw;
        _read = read;
    }

    /// <summary>The profile file the sections were read from; null for an organisation built in code.</summary>
    public string? File { get; }

    /// <summary>The top-level fields the profile holds besides the organisation's own.</summary>
    public IEnumerable<string> Names => _raw.Keys;

    /// <summary>
    /// The section <paramref name="name"/> as <paramref name="read"/> makes it from the file name and the raw JSON (null when the
    /// profile has no such field); read once. An organisation built in code gets <paramref name="builtInCode"/> unless set.
    /// </summary>
    public T Read<T>(string name, Func<string, JsonElement?, T> read, T builtInCode)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_read.TryGetValue(name, out var value))
        {
            return (T)value;
        }

        return File is null
            ? builtInCode
            : (T)_read.GetOrAdd(name, n => read(File, _raw.TryGetValue(n, out var json) ? json : null));
    }

    /// <summary>A copy with section <paramref name="name"/> set to <paramref name="value"/> (for organisations built in code and tests).</summary>
    public ProfileSections With<T>(string name, T value)
        where T : notnull =>
        new(File, _raw, new ConcurrentDictionary<string, object>(_read, StringComparer.Ordinal) { [name] = value });
}
