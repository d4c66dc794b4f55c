namespace Trygg.Organisations;

public sealed class OrganisationsOptionsValidatorTests
{
    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "trygg-no-such-folder-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Validate_FilesFromAMissingFolder_FailsNamingTheSetting()
    {
        var result = new OrganisationsOptionsValidator().Validate(null, new OrganisationsOptions { Path = Missing });

        Assert.True(result.Failed);
        Assert.Contains("Organisations:Path", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TableSourceWithoutTheFolder_Succeeds()
    {
        var result = new OrganisationsOptionsValidator().Validate(null, new OrganisationsOptions { Path = Missing, Source = ProfileSourceKind.Table });

        Assert.True(result.Succeeded);
    }
}
