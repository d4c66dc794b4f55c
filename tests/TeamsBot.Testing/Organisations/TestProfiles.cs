using System.Text.Json.Nodes;

namespace Trygg.Testing.Organisations;

/// <summary>
/// A small valid organisation profile as JSON, for tests of where profiles come from (a folder, a table) that must not
/// depend on the shipped examples. People are the Agents Playground's mock users.
/// </summary>
public static class TestProfiles
{
    public static JsonObject Valid(string id = "testkommun", string name = "Testkommun") => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["casePrefix"] = "TRY",
        ["securityUnitName"] = "Säkerhetsenheten",
        ["parties"] = new JsonArray("Socialdemokraterna", "Moderaterna"),
        ["bodies"] = new JsonArray(
            new JsonObject { ["id"] = "kf", ["name"] = "Kommunfullmäktige", ["kind"] = "council" },
            new JsonObject { ["id"] = "ks", ["name"] = "Kommunstyrelsen", ["kind"] = "executiveBoard" }),
        ["securityChannel"] = new JsonObject { ["name"] = "Säkerhetsenheten – rapporter" },
        ["officeHours"] = new JsonObject { ["opens"] = "08:00", ["closes"] = "16:30", ["days"] = new JsonArray("monday", "friday") },
        ["onCall"] = new JsonObject { ["name"] = "Tjänsteperson i beredskap", ["phone"] = "08-000 00 00" },
        ["headOfSecurity"] = Person("Lynne Robbins", 24),
        ["securityStaff"] = new JsonArray(Person("Alex Wilber", 20)),
        ["administrators"] = new JsonArray(Person("Alex Wilber", 20)),
        ["partySecurity"] = new JsonArray(),
        ["sarskiltArvoderadeRoles"] = new JsonArray("Kommunalråd"),
        ["escalation"] = new JsonObject { ["high"] = "00:15", ["normal"] = "04:00" },
        ["retention"] = new JsonObject { ["incidentMonths"] = 24, ["draftDays"] = 7 },
    };

    public static JsonObject Person(string name, int playgroundUser) =>
        new() { ["name"] = name, ["aadObjectId"] = $"00000000-0000-0000-0000-00000000000{playgroundUser}" };

    /// <summary>
    /// <paramref name="profile"/> with a head of security whose e-mail address is not one: invalid at field
    /// <c>headOfSecurity.email</c>, and the name "Karin Hemlig" must never reach a log.
    /// </summary>
    public static JsonObject WithInvalidEmail(JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile["headOfSecurity"] = new JsonObject
        {
            ["name"] = "Karin Hemlig",
            ["aadObjectId"] = "00000000-0000-0000-0000-0000000000024",
            ["email"] = "karin.hemlig@@example",
        };
        return profile;
    }

    /// <summary>A new temporary folder holding each profile as <c>&lt;id&gt;.json</c>; the caller deletes it.</summary>
    public static string Folder(params JsonObject[] profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var folder = Directory.CreateTempSubdirectory("trygg-profiles-").FullName;
        foreach (var profile in profiles)
        {
            File.WriteAllText(Path.Combine(folder, $"{profile["id"]}.json"), profile.ToJsonString());
        }

        return folder;
    }
}
