using System.Text.Json.Nodes;
using Trygg.Testing;

namespace Trygg.Infra;

/// <summary>
/// scripts/grant-graph-permissions.sh against a stand-in `az` that answers like the Azure CLI and records what would
/// change in the tenant: exactly the three least-privilege application permissions, idempotently.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GrantGraphPermissionsTests : IDisposable
{
    private const string Principal = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
    private const string GraphServicePrincipal = "11112222-3333-4444-8555-666677778888";

    private static readonly Dictionary<string, string> Roles = new()
    {
        ["User.Read.All"] = "df021288-bdef-4463-88db-98f22de89214",
        ["GroupMember.Read.All"] = "98830695-27a2-44f7-8c18-0c3ebc9698f6",
        ["TeamsAppInstallation.ReadWriteSelfForUser.All"] = "908de74d-f8b2-4d6b-a9ed-2a17b3b49179",
        ["AppCatalog.Read.All"] = "e12dae10-5a57-4817-b79d-dfbec5348930",
        ["Directory.Read.All"] = "7ab1d382-f21e-4acd-a863-ba3e13f7da61",
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("trygg-az-").FullName;

    public GrantGraphPermissionsTests()
    {
        var roleCases = string.Join('\n', Roles.Select(r => $"      *\"'{r.Key}'\"*) echo {r.Value} ;;"));
        File.WriteAllText(Path.Combine(_folder, "az"), $$"""
            #!/usr/bin/env bash
            # Stand-in for the Azure CLI: answers the calls the script makes, records every POST body.
            args="$*"
            case "$1 $2" in
              "cloud show") echo "https://graph.microsoft.com/" ;;
              "ad sp")
                case "$args" in
                  *"--query id "*) echo {{GraphServicePrincipal}} ;;
                  *appRoles*)
                    case "$args" in
            {{roleCases}}
                      *) echo "" ;;
                    esac ;;
                  *) echo "unexpected: $args" >&2; exit 3 ;;
                esac ;;
              "rest --method")
                case "$3" in
                  GET) printf '%s\n' ${STUB_GRANTED:-} ;;
                  POST)
                    while [[ $# -gt 0 ]]; do [[ "$1" == "--body" ]] && echo "$2" >>"$STUB_LOG"; shift; done ;;
                  *) echo "unexpected: $args" >&2; exit 3 ;;
                esac ;;
              *) echo "unexpected: $args" >&2; exit 3 ;;
            esac
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        File.SetUnixFileMode(Path.Combine(_folder, "az"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string Log => Path.Combine(_folder, "posts.log");

    [Fact]
    public async Task Grant_FreshIdentity_AssignsExactlyTheThreePermissions()
    {
        var result = await RunAsync([]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var posts = Posts();
        Assert.Equal(
            [Roles["User.Read.All"], Roles["GroupMember.Read.All"], Roles["TeamsAppInstallation.ReadWriteSelfForUser.All"]],
            posts.Select(p => p["appRoleId"]!.GetValue<string>()));
        Assert.All(posts, p =>
        {
            Assert.Equal(Principal, p["principalId"]!.GetValue<string>());
            Assert.Equal(GraphServicePrincipal, p["resourceId"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Grant_RunAgain_GrantsOnlyWhatIsMissing()
    {
        var result = await RunAsync([], granted: [Roles["User.Read.All"], Roles["TeamsAppInstallation.ReadWriteSelfForUser.All"]]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([Roles["GroupMember.Read.All"]], Posts().Select(p => p["appRoleId"]!.GetValue<string>()));
        Assert.Contains("User.Read.All: already granted", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_WithCatalogLookup_AddsAppCatalogReadAll()
    {
        var result = await RunAsync(["--with-catalog-lookup"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Roles["AppCatalog.Read.All"], Posts()[^1]["appRoleId"]!.GetValue<string>());
        Assert.Equal(4, Posts().Count);
    }

    [Fact]
    public async Task Grant_DryRun_ChangesNothing()
    {
        var result = await RunAsync(["--dry-run"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(Posts());
        Assert.Contains("GroupMember.Read.All: would grant", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_NoPrincipal_FailsNamingWhatIsMissing()
    {
        var result = await RunAsync([], principal: null);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("BOT_PRINCIPAL_ID", result.Error, StringComparison.Ordinal);
        Assert.Empty(Posts());
    }

    [Fact]
    public void Script_DocumentsWhyEachPermission()
    {
        var script = File.ReadAllText(RepoPaths.Combine("scripts", "grant-graph-permissions.sh"));

        foreach (var permission in new[] { "User.Read.All", "GroupMember.Read.All", "TeamsAppInstallation.ReadWriteSelfForUser.All" })
        {
            Assert.Matches($@"#\s+{System.Text.RegularExpressions.Regex.Escape(permission)}\s+\S", script);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private List<JsonNode> Posts() =>
        File.Exists(Log) ? [.. File.ReadAllLines(Log).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!)] : [];

    private Task<ToolProcess.Result> RunAsync(string[] arguments, string[]? granted = null, string? principal = Principal) =>
        ToolProcess.RunAsync(
            "bash",
            [RepoPaths.Combine("scripts", "grant-graph-permissions.sh"), .. principal is null ? Array.Empty<string>() : ["--principal-id", principal], .. arguments],
            new Dictionary<string, string?>
            {
                ["PATH"] = $"{_folder}:/usr/bin:/bin",
                ["STUB_LOG"] = Log,
                ["STUB_GRANTED"] = string.Join(' ', granted ?? []),
                ["BOT_PRINCIPAL_ID"] = null,
            },
            _folder);
}
