using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Trygg.Privacy;
using Trygg.Testing;
using Trygg.Testing.Organisations;

namespace Trygg.Organisations.Sources;

public sealed class ProfileReaderTests : IDisposable
{
    private readonly FakeProfileSource _source = new();
    private readonly LogCapture _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly ProfileReader _reader;

    public ProfileReaderTests()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs));
        _reader = new ProfileReader(_source, [new RetentionProfileSection()], _loggers.CreateLogger<ProfileReader>());
    }

    public void Dispose() => _loggers.Dispose();

    [Fact]
    public void Load_InvalidProfile_ThrowsNamingTheProfileAndField()
    {
        _source.Set(TestProfiles.WithInvalidEmail(TestProfiles.Valid()));

        var error = Assert.Throws<OrganisationProfileException>(_reader.Load);

        Assert.Equal("t/testkommun", error.Profile);
        Assert.Equal("headOfSecurity.email", error.Field);
        Assert.Contains("Organisation profile 't/testkommun': field 'headOfSecurity.email'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ProfileStoredUnderAnotherId_ThrowsNamingTheId()
    {
        _source.Texts = [new ProfileText("t/annan", TestProfiles.Valid().ToJsonString(), "annan")];

        var error = Assert.Throws<OrganisationProfileException>(_reader.Load);

        Assert.Equal("id", error.Field);
        Assert.Contains("stored as 'annan'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReloadAsync_Unchanged_ReturnsNull()
    {
        _source.Set(TestProfiles.Valid());
        _reader.Load();

        Assert.Null(await _reader.ReloadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReloadAsync_ChangedAndValid_ReturnsTheNewProfiles()
    {
        _source.Set(TestProfiles.Valid());
        _reader.Load();
        _source.Set(TestProfiles.Valid(name: "Nya Testkommun"), TestProfiles.Valid("annan", "Annan kommun"));

        var directory = await _reader.ReloadAsync(CancellationToken.None);

        Assert.NotNull(directory);
        Assert.Equal("Nya Testkommun", directory.Find("testkommun")!.Name);
        Assert.Equal("Annan kommun", directory.Find("annan")!.Name);
        Assert.Null(await _reader.ReloadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReloadAsync_InvalidChange_RefusedAndLoggedByProfileAndFieldOnly()
    {
        _source.Set(TestProfiles.Valid());
        _reader.Load();
        _source.Set(TestProfiles.WithInvalidEmail(TestProfiles.Valid(name: "Nya Testkommun")));

        Assert.Null(await _reader.ReloadAsync(CancellationToken.None));

        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("profile t/testkommun, field headOfSecurity.email", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.FullText.Contains("karin.hemlig", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ReloadAsync_SourceFails_ReturnsNullAndWarns()
    {
        _source.Set(TestProfiles.Valid());
        _reader.Load();
        _source.Failure = new IOException("disk gone");

        Assert.Null(await _reader.ReloadAsync(CancellationToken.None));

        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("IOException", warning.Message, StringComparison.Ordinal);
    }
}
