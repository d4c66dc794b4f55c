using System.Text.Json;

namespace Trygg.Organisations.Roles;

/// <summary>
/// Development only: the groups the profiles name, with the Agents Playground's mock users as members
/// (<c>Organisations/directory.Development.json</c>, next to the profiles' folder, not in it: <c>{ "groups": { "&lt;group id&gt;": [ { id, name, mail?, phone? } ] } }</c>),
/// so every role can be played locally while the profiles name groups and no people.
/// </summary>
internal sealed class DirectoryFile : IGroupMembers
{
    private readonly Dictionary<string, IReadOnlyList<StaffPerson>> _groups;

    public DirectoryFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Path.GetFileName(path);
        DirectoryJson? json;
        try
        {
            using var stream = File.OpenRead(path);
            json = JsonSerializer.Deserialize<DirectoryJson>(stream, ProfileFields.Json);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new OrganisationProfileException($"Directory file '{file}' cannot be read: {e.Message}", e);
        }

        _groups = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, users) in json?.Groups ?? [])
        {
            var people = new List<StaffPerson>();
            for (var i = 0; i < (users?.Count ?? 0); i++)
            {
                var field = $"groups.{id}[{i}]";
                var user = users![i] ?? throw OrganisationProfileException.InField(file, field, "is null; each member is an object with id and name.");
                people.Add(new StaffPerson(
                    ProfileFields.Required(file, field + ".name", user.Name), ProfileFields.Required(file, field + ".id", user.Id), user.Phone, user.Mail));
            }

            _groups.Add(id, people);
        }
    }

    public Task<IReadOnlyList<StaffPerson>> ListUsersAsync(string groupId, CancellationToken cancellationToken) =>
        _groups.TryGetValue(groupId, out var people)
            ? Task.FromResult(people)
            : throw new KeyNotFoundException($"The directory file has no group '{groupId}'.");

    private sealed class DirectoryJson
    {
        public Dictionary<string, List<UserJson?>?>? Groups { get; set; }
    }

    private sealed class UserJson
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Mail { get; set; }

        public string? Phone { get; set; }
    }
}
