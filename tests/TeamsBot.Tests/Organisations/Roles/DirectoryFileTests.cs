using Trygg.Testing;

namespace Trygg.Organisations.Roles;

public sealed class DirectoryFileTests
{
    private static readonly string Shipped = RepoPaths.Combine("bot", "Organisations", "directory.Development.json");

    [Fact]
    public async Task ListUsersAsync_ShippedDevelopmentFile_MapsGroupsToPlaygroundUsers()
    {
        var directory = new DirectoryFile(Shipped);

        var staff = await directory.ListUsersAsync("6a1f0c2e-0000-4000-8000-000000000001", CancellationToken.None);

        Assert.Equal(["Alex Wilber", "Lynne Robbins"], staff.Select(p => p.Name));
        Assert.Equal("00000000-0000-0000-0000-0000000000020", staff[0].AadObjectId);
    }

    [Fact]
    public async Task ListUsersAsync_UnknownGroup_Throws()
    {
        var directory = new DirectoryFile(Shipped);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => directory.ListUsersAsync("6a1f0c2e-0000-4000-8000-0000000000ff", CancellationToken.None));
    }

    [Fact]
    public void New_MemberWithoutId_NamesFileAndField()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("trygg-directory-").FullName, "directory.Development.json");
        File.WriteAllText(path, "{ \"groups\": { \"g1\": [ { \"name\": \"Alex Wilber\" } ] } }");

        var e = Assert.Throws<OrganisationProfileException>(() => new DirectoryFile(path));

        Assert.Contains("'directory.Development.json'", e.Message, StringComparison.Ordinal);
        Assert.Contains("field 'groups.g1[0].id'", e.Message, StringComparison.Ordinal);
    }
}
