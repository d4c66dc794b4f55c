using System.Text.Json;

namespace Trygg.Organisations;

/// <summary>
/// The checks every part of a profile shares, for the feature sections (<see cref="IProfileSection"/>) as much as for
/// the organisation's own fields, so a section's errors read like the rest: file and field named.
/// </summary>
public static class ProfileFields
{
    /// <summary>How profile files are read: web names, comments and trailing commas allowed.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Refuses fields the reader does not know: a misspelt optional field (say "routeBodiesToLocalOfficers") would
    /// otherwise be dropped silently and reports would skip someone. Names starting with '$' ("$schema") are allowed.
    /// </summary>
    public static void Known(string file, string prefix, ProfileJsonObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var unknown = value.Unknown?.Keys.FirstOrDefault(k => !k.StartsWith('$'));
        if (unknown is not null)
        {
            throw OrganisationProfileException.InField(file, prefix + unknown, "is not a field of an organisation profile: check the spelling.");
        }
    }

    public static string Required(string file, string field, string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw OrganisationProfileException.InField(file, field, "is missing or empty.")
            : value.Trim();

    /// <summary>
    /// Section <paramref name="section"/> as <typeparamref name="T"/>; a value of the wrong type names the field inside the
    /// section and what <paramref name="expected"/> says belongs there (it gets the field, e.g. "retention.draftDays").
    /// </summary>
    public static T? Deserialize<T>(string file, string section, JsonElement json, Func<string, string> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        try
        {
            return json.Deserialize<T>(Json);
        }
        catch (JsonException e)
        {
            var field = section + (e.Path ?? "").TrimStart('$');
            throw OrganisationProfileException.InField(file, field, $"has the wrong type: expected {expected(field)}.", e);
        }
    }
}
