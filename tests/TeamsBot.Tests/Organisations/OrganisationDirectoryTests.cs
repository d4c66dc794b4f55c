using Trygg.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trygg.Testing;
using Trygg.Cases.Rules;

namespace Trygg.Organisations;

public sealed class OrganisationDirectoryTests : IDisposable
{
    private static readonly string Shipped = ShippedProfiles.Folder;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trygg-orgs-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Load_ShippedProfiles_LoadsAlingsasStockholmAndGoteborg()
    {
        var directory = OrganisationDirectory.Load(Shipped);

        Assert.Equal(["alingsas", "goteborg", "stockholm"], directory.All.Select(o => o.Id));
        Assert.Equal(["Alingsås kommun", "Göteborgs Stad", "Stockholms stad"], directory.All.Select(o => o.Name));
        Assert.All(directory.All, o =>
        {
            Assert.Equal("TRY", o.CasePrefix);
            Assert.Contains("Socialdemokraterna", o.Parties);
            Assert.Equal("kf", Assert.Single(o.Bodies, b => b.Kind == BodyKind.Council).Id);
            Assert.Equal("ks", Assert.Single(o.Bodies, b => b.Kind == BodyKind.ExecutiveBoard).Id);
            Assert.Contains(o.Bodies, b => b.Kind == BodyKind.Board);
            Assert.Contains(o.Bodies, b => b.Kind == BodyKind.Company);
        });
        Assert.Equal("Säkerhet och beredskap", directory.Find("goteborg")!.SecurityUnitName);
    }

    [Fact]
    public void Load_ShippedProfiles_NameNoPeopleOnlyGroups()
    {
        var directory = OrganisationDirectory.Load(Shipped);

        Assert.All(directory.All, o =>
        {
            var routing = o.Routing;
            Assert.Empty(routing.SecurityStaff);
            Assert.Empty(routing.Administrators);
            Assert.Null(routing.HeadOfSecurity);
            Assert.Null(routing.OnCall.Person);
            Assert.Empty(routing.LocalSecurityOfficers);
            Assert.All(routing.PartySecurity, p => Assert.Empty(p.Officers));
            Assert.NotNull(routing.Groups.SecurityStaff);
            Assert.NotNull(routing.Groups.Administrators);
            Assert.NotNull(routing.Groups.HeadOfSecurity);
            Assert.Equal(routing.PartySecurity.Select(p => p.Party), routing.Groups.PartyOfficers!.Keys);
        });
        foreach (var file in Directory.EnumerateFiles(Shipped, "*.json"))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("aadObjectId", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("00000000-0000-0000-0000-00000000000", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_ShippedProfilesWithTheDevelopmentDirectory_PlaygroundUsersPlayEveryRole()
    {
        const string alex = "00000000-0000-0000-0000-0000000000020";
        const string lynne = "00000000-0000-0000-0000-0000000000024";
        var directory = ShippedProfiles.Load();

        Assert.All(directory.All, o =>
        {
            Assert.Contains(o.Routing.SecurityStaff, p => p.AadObjectId == alex);
            Assert.Contains(o.Routing.Administrators, p => p.AadObjectId == alex);
            Assert.Equal(lynne, Assert.Single(o.Routing.HeadsOfSecurity).AadObjectId);
            Assert.Equal(
                "00000000-0000-0000-0000-0000000000021",
                Assert.Single(Assert.Single(o.Routing.PartySecurity, p => p.Party == "Socialdemokraterna").Officers).AadObjectId);
            Assert.DoesNotContain(o.Routing.PartySecurity, p => p.Party == "Sverigedemokraterna");
            Assert.Equal(new TimeOnly(8, 0), o.Routing.OfficeHours.Opens);
        });
        Assert.Equal(lynne, Assert.Single(directory.Find("alingsas")!.Routing.OnCall.People).AadObjectId);
        var stockholm = directory.Find("stockholm")!.Routing;
        Assert.Equal("00000000-0000-0000-0000-0000000000023", Assert.Single(stockholm.OnCall.People).AadObjectId);
        Assert.Equal("08-000 00 00", stockholm.OnCall.Phone);
        Assert.Equal(
            ["00000000-0000-0000-0000-0000000000022", "00000000-0000-0000-0000-0000000000025"],
            stockholm.PartySecurity.Single(p => p.Party == "Moderaterna").Officers.Select(p => p.AadObjectId));
        var goteborg = directory.Find("goteborg")!.Routing;
        Assert.True(goteborg.RouteBodiesToLocalOfficer);
        Assert.Empty(goteborg.OnCall.People);
        Assert.Equal(new TimeOnly(16, 30), goteborg.OfficeHours.Closes);
        Assert.Equal("00000000-0000-0000-0000-0000000000025", Assert.Single(goteborg.LocalOfficersOf("arbetsmarknad")).AadObjectId);
        Assert.Equal("00000000-0000-0000-0000-0000000000023", Assert.Single(goteborg.LocalOfficersOf("framtiden")).AadObjectId);
        Assert.Empty(goteborg.LocalOfficersOf("kultur"));
        Assert.False(directory.Find("alingsas")!.Routing.RouteBodiesToLocalOfficer);
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull()
    {
        var directory = OrganisationDirectory.Load(Shipped);

        Assert.Null(directory.Find("uppsala"));
        Assert.Null(directory.Find("Alingsas"));
        Assert.Equal("Alingsås kommun", directory.Find("alingsas")!.Name);
    }

    [Fact]
    public void Load_SameIdInTwoFiles_NamesBothFiles()
    {
        Directory.CreateDirectory(_folder);
        File.Copy(Path.Combine(Shipped, "alingsas.json"), Path.Combine(_folder, "alingsas.json"));
        File.Copy(Path.Combine(Shipped, "alingsas.json"), Path.Combine(_folder, "alingsas-kopia.json"));

        var e = Assert.Throws<OrganisationProfileException>(() => OrganisationDirectory.Load(_folder));

        Assert.Contains("'alingsas.json'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'alingsas-kopia.json'", e.Message, StringComparison.Ordinal);
        Assert.Contains("field 'id'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFolder_NamesTheSetting()
    {
        Directory.CreateDirectory(_folder);

        var e = Assert.Throws<OrganisationProfileException>(() => OrganisationDirectory.Load(_folder));

        Assert.Contains("Organisations:Path", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOrganisations_Configured_ServesTheProfiles()
    {
        using var host = Build(Shipped);

        host.Start();

        Assert.Equal(3, host.Services.GetRequiredService<IOrganisationDirectory>().All.Count);
        Assert.IsType<Trygg.Organisations.Calendar.OfficeCalendar>(host.Services.GetRequiredService<IOfficeCalendar>());
    }

    [Fact]
    public void AddOrganisations_MissingFolder_FailsStartNamingTheSetting()
    {
        using var host = Build(Path.Combine(_folder, "finns-inte"));

        var e = Assert.Throws<OptionsValidationException>(host.Start);

        Assert.Contains("Organisations:Path", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOrganisations_BrokenProfile_FailsStartNamingFileAndField()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(
            Path.Combine(_folder, "trasig.json"),
            File.ReadAllText(Path.Combine(Shipped, "stockholm.json")).Replace("\"casePrefix\": \"TRY\"", "\"casePrefix\": \"T\"", StringComparison.Ordinal));
        using var host = Build(_folder);

        var e = Assert.Throws<OrganisationProfileException>(host.Start);

        Assert.Contains("'trasig.json'", e.Message, StringComparison.Ordinal);
        Assert.Contains("field 'casePrefix'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NotConfigured_FindTheProfilesCopiedNextToTheBot()
    {
        var path = new OrganisationsOptions().ResolvedPath;

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Organisations", "Profiles"), path);
        Assert.Equal(3, OrganisationDirectory.Load(path).All.Count);
    }

    [Fact]
    public void AddOrganisations_FieldNoSectionClaims_FailsStartNamingIt()
    {
        using var host = Build(Shipped, new Section("training"));

        var e = Assert.Throws<OrganisationProfileException>(host.Start);

        Assert.Contains("field 'retention'", e.Message, StringComparison.Ordinal);
        Assert.Contains("spelling", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOrganisations_SectionRefusesItsPart_FailsStart()
    {
        using var host = Build(Shipped, new Section("training"), new Section("retention", o => throw OrganisationProfileException.InField(o.Sections.File!, "retention", "is wrong.")));

        var e = Assert.Throws<OrganisationProfileException>(host.Start);

        Assert.Contains("field 'retention' is wrong.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOrganisations_RegisteredSections_EachReadsEveryProfileAtStart()
    {
        var read = new List<string>();
        using var host = Build(Shipped, new Section("training", o => read.Add(o.Id)), new Section("retention"));

        host.Start();

        Assert.Equal(["alingsas", "goteborg", "stockholm"], read.Order(StringComparer.Ordinal));
    }

    /// <summary>The feature sections the shipped profiles hold, claimed as Training and Privacy claim them.</summary>
    private static IHost Build(string path) => Build(path, new Section("training"), new Section("retention"));

    private static IHost Build(string path, params IProfileSection[] sections)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Organisations:Path"] = path });
        builder.AddClock();
        builder.AddOrganisations();
        foreach (var section in sections)
        {
            builder.Services.AddSingleton(section);
        }

        return builder.Build();
    }

    private sealed class Section(string name, Action<Organisation>? check = null) : IProfileSection
    {
        public string Name => name;

        public void Check(Organisation organisation) => check?.Invoke(organisation);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
