using System.Text.Json.Nodes;

namespace Trygg.Routing;

public sealed class OrganisationFileTests : IDisposable
{
    private const string FileName = "testkommun.json";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trygg-orgs-" + Guid.NewGuid().ToString("N")[..12]);

    public OrganisationFileTests() => Directory.CreateDirectory(_folder);

    private static JsonObject Valid() => new()
    {
        ["id"] = "testkommun",
        ["name"] = "Testkommun",
        ["casePrefix"] = "TRY",
        ["securityUnitName"] = "Säkerhetsenheten",
        ["parties"] = new JsonArray("Socialdemokraterna", "Moderaterna"),
        ["bodies"] = new JsonArray(
            new JsonObject { ["id"] = "kf", ["name"] = "Kommunfullmäktige", ["kind"] = "council" },
            new JsonObject { ["id"] = "ks", ["name"] = "Kommunstyrelsen", ["kind"] = "executiveBoard" },
            new JsonObject { ["id"] = "social", ["name"] = "Socialnämnden", ["kind"] = "board" },
            new JsonObject { ["id"] = "bostader", ["name"] = "Bostäder AB", ["kind"] = "company" }),
    };

    [Fact]
    public void Read_ValidProfile_MapsEveryField()
    {
        var json = Valid();
        json["securityChannel"] = new JsonObject { ["teamId"] = "later" };
        json["bodies"]![0]!["officers"] = new JsonArray("unknown fields are for later issues");

        var organisation = OrganisationFile.Read(Write(json));

        Assert.Equal("testkommun", organisation.Id);
        Assert.Equal("Testkommun", organisation.Name);
        Assert.Equal("TRY", organisation.CasePrefix);
        Assert.Equal("Säkerhetsenheten", organisation.SecurityUnitName);
        Assert.Equal(["Socialdemokraterna", "Moderaterna"], organisation.Parties);
        Assert.Equal(
            [new Body("kf", "Kommunfullmäktige", BodyKind.Council), new Body("ks", "Kommunstyrelsen", BodyKind.ExecutiveBoard),
             new Body("social", "Socialnämnden", BodyKind.Board), new Body("bostader", "Bostäder AB", BodyKind.Company)],
            organisation.Bodies);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("casePrefix")]
    [InlineData("securityUnitName")]
    [InlineData("parties")]
    [InlineData("bodies")]
    public void Read_MissingField_NamesFileAndField(string field)
    {
        var json = Valid();
        json.Remove(field);

        AssertFails(json, field);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("casePrefix")]
    [InlineData("securityUnitName")]
    public void Read_BlankField_NamesFileAndField(string field)
    {
        var json = Valid();
        json[field] = "  ";

        AssertFails(json, field);
    }

    [Theory]
    [InlineData("id", "Alingsås")]
    [InlineData("id", "a")]
    [InlineData("casePrefix", "T")]
    [InlineData("casePrefix", "TRYGGA")]
    [InlineData("casePrefix", "try")]
    [InlineData("casePrefix", "TR1")]
    [InlineData("casePrefix", "ÅÄÖ")]
    public void Read_InvalidValue_NamesFileAndField(string field, string value)
    {
        var json = Valid();
        json[field] = value;

        AssertFails(json, field);
    }

    [Fact]
    public void Read_EmptyParties_NamesParties() => AssertFails(With(j => j["parties"] = new JsonArray()), "parties");

    [Fact]
    public void Read_BlankParty_NamesThatParty() => AssertFails(With(j => j["parties"]!.AsArray().Add("")), "parties[2]");

    [Fact]
    public void Read_RepeatedParty_NamesThatParty() => AssertFails(With(j => j["parties"]!.AsArray().Add("moderaterna")), "parties[2]");

    [Fact]
    public void Read_PartiesNotAList_NamesParties() => AssertFails(With(j => j["parties"] = "Socialdemokraterna"), "parties");

    [Fact]
    public void Read_EmptyBodies_NamesBodies() => AssertFails(With(j => j["bodies"] = new JsonArray()), "bodies");

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("kind")]
    public void Read_BodyWithoutField_NamesBodyAndField(string field) =>
        AssertFails(With(j => j["bodies"]![2]!.AsObject().Remove(field)), $"bodies[2].{field}");

    [Fact]
    public void Read_UnknownBodyKind_NamesKind() => AssertFails(With(j => j["bodies"]![2]!["kind"] = "committee"), "bodies[2].kind");

    [Fact]
    public void Read_BodyIdWithComma_NamesId() => AssertFails(With(j => j["bodies"]![2]!["id"] = "a,b"), "bodies[2].id");

    [Fact]
    public void Read_RepeatedBodyId_NamesTheRepeat() => AssertFails(With(j => j["bodies"]![3]!["id"] = "social"), "bodies[3].id");

    [Fact]
    public void Read_NoCouncil_NamesBodies() => AssertFails(With(j => j["bodies"]![0]!["kind"] = "board"), "bodies", "council");

    [Fact]
    public void Read_TwoExecutiveBoards_NamesBodies() =>
        AssertFails(With(j => j["bodies"]![2]!["kind"] = "executiveBoard"), "bodies", "executiveBoard");

    [Fact]
    public void Read_NotJson_NamesFile()
    {
        var path = Path.Combine(_folder, FileName);
        File.WriteAllText(path, "{ \"id\": \"testkommun\", ");

        var e = Assert.Throws<OrganisationProfileException>(() => OrganisationFile.Read(path));

        Assert.Contains($"'{FileName}'", e.Message, StringComparison.Ordinal);
    }

    private static JsonObject With(Action<JsonObject> change)
    {
        var json = Valid();
        change(json);
        return json;
    }

    private void AssertFails(JsonObject json, string field, string? mention = null)
    {
        var path = Write(json);

        var e = Assert.Throws<OrganisationProfileException>(() => OrganisationFile.Read(path));

        Assert.Contains($"'{FileName}'", e.Message, StringComparison.Ordinal);
        Assert.Contains($"field '{field}'", e.Message, StringComparison.Ordinal);
        if (mention is not null)
        {
            Assert.Contains(mention, e.Message, StringComparison.Ordinal);
        }
    }

    private string Write(JsonObject json)
    {
        var path = Path.Combine(_folder, FileName);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
