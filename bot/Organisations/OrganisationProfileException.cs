namespace Trygg.Organisations;

/// <summary>An organisation profile file is missing a field or holds an invalid one; the bot refuses to start.</summary>
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

    /// <summary>"Organisation profile 'alingsas.json': field 'casePrefix' ..." so whoever edits the file knows where to look.</summary>
    public static OrganisationProfileException InField(string file, string field, string problem, Exception? inner = null)
    {
        var message = $"Organisation profile '{file}': field '{field}' {problem}";
        return inner is null ? new(message) : new(message, inner);
    }
}
