using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Members.Directory;
using Trygg.Teams.Graph;

namespace Trygg.Graph;

/// <summary>
/// The Graph directory, built by its setup as the app builds it, against a loopback server that answers like Graph.
/// Only the token is faked (no Entra here); every byte between the SDK and "Graph" is real HTTP.
/// </summary>
public sealed class GraphDirectoryTests : IAsyncLifetime
{
    private const string Tenant = "9b1f6a4e-2c1d-4f8a-9e3b-5a7c2d1e0f42";
    private const string CatalogAppId = "e3b0c442-98fc-4c14-9afb-f4c8996fb924";
    private const string ManifestId = "4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b";
    private const string Anna = "1d5e9a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
    private const string Bo = "2e6f0b3c-4d5e-4f60-9b7c-8d9e0f1a2b3c";
    private const string Cecilia = "3f70c14d-5e6f-4071-8c8d-9e0f1a2b3c4d";
    private const string Group = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";

    private FakeGraph _graph = null!;
    private readonly StaticTokenCredential _credential = new("graph-test-token");
    private IHost? _host;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        _graph.AddUser(Anna, "Anna Andersson", "anna.andersson@kommun.example", "anna.andersson@kommun.example");
        _graph.AddUser(Bo, "Bo Berg", "bo.berg@kommun.example", null);
        _graph.AddUser(Cecilia, "Cecilia Ek", "cecilia.ek@kommun.example", "cecilia.ek@kommun.example");
        _graph.AddCatalogApp(CatalogAppId, ManifestId);
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task FindUserAsync_ObjectId_ReturnsTheUserWithTheBearerToken()
    {
        var user = await Directory().FindUserAsync(Tenant, Anna, default);

        Assert.Equal(new DirectoryUser(Anna, "Anna Andersson", "anna.andersson@kommun.example", "anna.andersson@kommun.example"), user);
        var request = Assert.Single(_graph.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/v1.0/users/{Anna}", request.Path);
        Assert.Contains("select=id,displayName,userPrincipalName,mail", Uri.UnescapeDataString(request.Query), StringComparison.Ordinal);
        Assert.Equal("Bearer graph-test-token", request.Authorization);
        Assert.Equal($"{_graph.Root}/.default", Assert.Single(_credential.Scopes.Distinct()));
    }

    [Fact]
    public async Task FindUserAsync_UserPrincipalName_ReturnsTheUser()
    {
        var user = await Directory().FindUserAsync(Tenant, "bo.berg@kommun.example", default);

        Assert.NotNull(user);
        Assert.Equal(Bo, user.Id);
        Assert.Null(user.Mail);
    }

    [Fact]
    public async Task FindUserAsync_Unknown_ReturnsNull()
    {
        var user = await Directory().FindUserAsync(Tenant, "ingen.alls@kommun.example", default);

        Assert.Null(user);
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task InstallAppForUserAsync_NotInstalled_PostsTheCatalogBindAndReportsInstalled()
    {
        var outcome = await Directory().InstallAppForUserAsync(Tenant, Anna, default);

        Assert.Equal(AppInstallOutcome.Installed, outcome);
        Assert.True(_graph.IsInstalled(Anna, CatalogAppId));
        var request = Assert.Single(_graph.Requests);
        Assert.Equal(("POST", $"/v1.0/users/{Anna}/teamwork/installedApps"), (request.Method, request.Path));
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal($"{_graph.BaseUrl}/appCatalogs/teamsApps/{CatalogAppId}", body["teamsApp@odata.bind"]!.GetValue<string>());
    }

    [Fact]
    public async Task InstallAppForUserAsync_AlreadyInstalled409_ReportsAlreadyInstalled()
    {
        _graph.MarkInstalled(Bo, CatalogAppId);

        var outcome = await Directory().InstallAppForUserAsync(Tenant, Bo, default);

        Assert.Equal(AppInstallOutcome.AlreadyInstalled, outcome);
        Assert.Single(_graph.Requests); // a 409 is an answer, not a fault: no retry
    }

    [Fact]
    public async Task InstallAppForUserAsync_OnlyManifestIdConfigured_LooksUpTheCatalogIdOnce()
    {
        var directory = Directory(new() { ["Graph:TeamsAppId"] = null, ["Graph:AppExternalId"] = ManifestId });

        Assert.Equal(AppInstallOutcome.Installed, await directory.InstallAppForUserAsync(Tenant, Anna, default));
        Assert.Equal(AppInstallOutcome.Installed, await directory.InstallAppForUserAsync(Tenant, Bo, default));

        var lookups = _graph.Requests.Where(r => r.Path == "/v1.0/appCatalogs/teamsApps").ToList();
        var lookup = Assert.Single(lookups);
        Assert.Contains($"filter=externalId eq '{ManifestId}'", Uri.UnescapeDataString(lookup.Query), StringComparison.Ordinal);
        Assert.True(_graph.IsInstalled(Bo, CatalogAppId));
    }

    [Fact]
    public async Task InstallAppForUserAsync_ManifestIdNotInCatalog_FailsAsNotConfiguredWithoutPosting()
    {
        var directory = Directory(new() { ["Graph:TeamsAppId"] = null, ["Graph:AppExternalId"] = "00000000-1111-4222-8333-444444444444" });

        var e = await Assert.ThrowsAsync<DirectoryException>(() => directory.InstallAppForUserAsync(Tenant, Anna, default));

        Assert.True(e.NotConfigured);
        Assert.Contains("Graph:TeamsAppId", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_graph.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task ListGroupMembersAsync_TwoPages_FollowsTheNextLinkAndReturnsEveryMemberInOrder()
    {
        _graph.AddGroup(Group, Anna, Bo, Cecilia);

        var members = await ToListAsync(Directory().ListGroupMembersAsync(Tenant, Group, default));

        Assert.Equal([Anna, Bo, Cecilia], members.Select(m => m.Id));
        Assert.Equal("Cecilia Ek", members[2].DisplayName);
        var pages = _graph.Requests;
        Assert.Equal(2, pages.Count);
        Assert.All(pages, p => Assert.Equal($"/v1.0/groups/{Group}/members/graph.user", p.Path));
        Assert.DoesNotContain("skiptoken", pages[0].Query, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=2", Uri.UnescapeDataString(pages[1].Query), StringComparison.Ordinal);
        Assert.All(pages, p => Assert.Equal("Bearer graph-test-token", p.Authorization));
    }

    [Fact]
    public async Task ListUsersAsync_RoleGroupOverTwoPages_ReadsTransitiveMembersAsStaff()
    {
        _graph.AddGroup(Group, Anna, Bo, Cecilia);
        _ = Directory();
        var groups = _host!.Services.GetRequiredService<Trygg.Organisations.Roles.IGroupMembers>();

        var staff = await groups.ListUsersAsync(Group, default);

        Assert.Equal([Anna, Bo, Cecilia], staff.Select(p => p.AadObjectId));
        Assert.Equal("Cecilia Ek", staff[2].Name);
        Assert.All(_graph.Requests, p => Assert.Equal($"/v1.0/groups/{Group}/transitiveMembers/graph.user", p.Path));
        Assert.Equal(2, _graph.Requests.Count);
    }

    [Fact]
    public async Task ListGroupMembersAsync_NextLinkToAnotherHost_IsRefusedWithoutSendingTheToken()
    {
        _graph.AddGroup(Group, Anna, Bo, Cecilia);
        _graph.NextLinkRoot = "http://127.0.0.2:9";

        var e = await Assert.ThrowsAsync<DirectoryException>(() => ToListAsync(Directory().ListGroupMembersAsync(Tenant, Group, default)));

        Assert.Contains("Graph:BaseUrl", e.Message, StringComparison.Ordinal);
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task ListGroupMembersAsync_UnknownGroup_FailsClearly()
    {
        var e = await Assert.ThrowsAsync<DirectoryException>(() => ToListAsync(Directory().ListGroupMembersAsync(Tenant, Group, default)));

        Assert.Contains("group does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindUserAsync_Throttled429ThenOk_IsRetriedByTheSdkHandler()
    {
        _graph.EnqueueFault(429, times: 2, retryAfterSeconds: 0);

        var user = await Directory().FindUserAsync(Tenant, Anna, default);

        Assert.Equal(Anna, user?.Id);
        var requests = _graph.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal($"/v1.0/users/{Anna}", r.Path));
    }

    [Fact]
    public async Task InstallAppForUserAsync_Unavailable503ThenCreated_RetriesThePostWithItsBody()
    {
        _graph.EnqueueFault(503, retryAfterSeconds: 0);

        var outcome = await Directory().InstallAppForUserAsync(Tenant, Cecilia, default);

        Assert.Equal(AppInstallOutcome.Installed, outcome);
        var requests = _graph.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.True(_graph.IsInstalled(Cecilia, CatalogAppId));
    }

    [Fact]
    public async Task ListGroupMembersAsync_SecondPageThrottledOnce_StillReturnsEveryMember()
    {
        _graph.AddGroup(Group, Anna, Bo, Cecilia);
        var directory = Directory();
        var members = new List<DirectoryUser>();

        await foreach (var member in directory.ListGroupMembersAsync(Tenant, Group, default))
        {
            if (members.Count == 0)
            {
                _graph.EnqueueFault(429, retryAfterSeconds: 0); // hits the request for page two
            }

            members.Add(member);
        }

        Assert.Equal([Anna, Bo, Cecilia], members.Select(m => m.Id));
        Assert.Equal(3, _graph.Requests.Count);
    }

    [Fact]
    public async Task FindUserAsync_StillUnavailableAfterTheSdkRetries_ThrowsDirectoryException()
    {
        _graph.EnqueueFault(503, times: 10, retryAfterSeconds: 0);
        var directory = Directory(new() { ["Graph:MaxRetries"] = "2" });

        var e = await Assert.ThrowsAsync<DirectoryException>(() => directory.FindUserAsync(Tenant, Anna, default));

        Assert.False(e.NotConfigured);
        Assert.Contains("503", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, _graph.Requests.Count); // one try and the two configured retries: one retry layer only
    }

    [Fact]
    public async Task FindUserAsync_Forbidden_ThrowsNamingThePermissionScript()
    {
        _graph.EnqueueFault(403, retryAfterSeconds: null);

        var e = await Assert.ThrowsAsync<DirectoryException>(() => Directory().FindUserAsync(Tenant, Anna, default));

        Assert.Contains("grant-graph-permissions", e.Message, StringComparison.Ordinal);
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task FindUserAsync_AnotherTenant_IsRefusedWithoutCallingGraph()
    {
        var e = await Assert.ThrowsAsync<DirectoryException>(() => Directory().FindUserAsync("00000000-0000-0000-0000-0000000000aa", Anna, default));

        Assert.True(e.NotConfigured);
        Assert.Empty(_graph.Requests);
    }

    private IDirectory Directory(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = _graph.BaseUrl,
            ["Graph:TeamsAppId"] = CatalogAppId,
            ["Graph:ClientId"] = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
            ["Graph:TenantId"] = Tenant,
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IDirectory, UnconfiguredDirectory>();
        builder.Services.AddKeyedSingleton<TokenCredential>(GraphSetup.CredentialKey, _credential);
        builder.AddGraphDirectory();
        _host?.Dispose();
        _host = builder.Build();
        return _host.Services.GetRequiredService<IDirectory>();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A token for any scope; records the scopes asked for.</summary>
    private sealed class StaticTokenCredential(string token) : TokenCredential
    {
        private readonly List<string> _scopes = [];

        public IReadOnlyList<string> Scopes
        {
            get
            {
                lock (_scopes)
                {
                    return [.. _scopes];
                }
            }
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (_scopes)
            {
                _scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
