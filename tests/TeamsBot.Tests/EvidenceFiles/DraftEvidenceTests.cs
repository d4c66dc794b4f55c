using Trygg.Reporting;

namespace Trygg.EvidenceFiles;

/// <summary>Where a report draft's files are kept: apart from every case, and each member's apart from everyone else's.</summary>
public sealed class DraftEvidenceTests
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private static string FolderOf(string member, string draft) =>
        BlobEvidenceStore.CasePrefix(DraftEvidence.PlaceOf(new DraftFiles(Tenant, member, draft)));

    [Fact]
    public void PlaceOf_ADraft_IsUnderTheDraftAreaNotUnderAnyTenant()
    {
        var folder = FolderOf("a1b2", "0123456789abcdef0123456789abcdef");

        Assert.StartsWith("~drafts/" + Tenant + "/", folder, StringComparison.Ordinal);
        Assert.Equal(4, folder.Split('/').Length); // area, tenant, member and draft in one part, and the closing slash
    }

    [Fact]
    public void MemberPrefix_OfAMember_StartsEachOfTheirDrafts()
    {
        var prefix = DraftEvidence.MemberPrefix(Tenant, "a1b2");

        Assert.StartsWith(prefix, FolderOf("a1b2", "d1"), StringComparison.Ordinal);
        Assert.StartsWith(prefix, FolderOf("a1b2", "d2"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a1b2")]
    [InlineData("a1b2/x")]
    [InlineData("ä ö%2F")]
    public void DraftIdOf_TheFolderOfADraft_IsTheDraftsId(string member) =>
        Assert.Equal("0123456789abcdef0123456789abcdef", DraftEvidence.DraftIdOf(FolderOf(member, "0123456789abcdef0123456789abcdef")));

    [Theory]
    [InlineData("a1b2c3")]
    [InlineData("a1b")]
    [InlineData("a1b2/x")]
    public void MemberPrefix_OfAMember_StartsNoDraftOfAnotherMember(string other) =>
        Assert.False(FolderOf(other, "d1").StartsWith(DraftEvidence.MemberPrefix(Tenant, "a1b2"), StringComparison.Ordinal));
}
