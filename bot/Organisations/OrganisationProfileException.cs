namespace Trygg.Organisations;

/// <summary>
/// An organisation profile is missing a field or holds an invalid one; the bot refuses to start (or, on a reload, keeps
/// the last valid profiles). The message may quote a field's value; <see cref="Profile"/> and <see cref="Field"/> never do,
/// so they are what a log may carry.
/// </summary>
public sealed class OrganisationProfileException : Exception
{
    public OrganisationProfileException()
    {
    }

    public OrganisationProfileException(string message)
        : base(message)
    {
    }

    public OrganisationProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The profile (file or table row) the problem is in, when known.</summary>
    public string? Profile { get; init; }

    /// <summary>The field the problem is in, when known.</summary>
    public string? Field { get; init; }

    /// <summary>"Organisation profile 'alingsas.json': field 'casePrefix' ..." so whoever edits the file knows where to look.</summary>
    public static OrganisationProfileException InField(string file, string field, string problem, Exception? inner = null)
    {
        var message = $"Organisation profile '{file}': field '{field}' {problem}";
        return inner is null ? new(message) { Profile = file, Field = field } : new(message, inner) { Profile = file, Field = field };
    }
}
