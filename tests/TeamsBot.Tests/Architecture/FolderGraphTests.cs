using Trygg.Testing;

namespace Trygg.Architecture;

/// <summary>
/// The folders of bot/ depend on each other in one direction: Teams (the protocol edge) and Eval (the scoring tool) on
/// top, then the features, then the turn framework (Conversation), then the capabilities every feature may use
/// (Organisations, Outbox, Cards, Texts, Storage, Hosting). No folder graph cycle, so one part can be read and changed
/// without the rest. docs/design.md has the map.
/// </summary>
public sealed class FolderGraphTests
{
    /// <summary>Depend on no feature, on no framework and on the protocol edge not at all.</summary>
    private static readonly HashSet<string> Capabilities = ["Organisations", "Outbox", "Cards", "Texts", "Storage", "Hosting"];

    /// <summary>The turn framework: features plug into it; it uses only capabilities.</summary>
    private const string Framework = "Conversation";

    /// <summary>Nothing below them may use them.</summary>
    private static readonly HashSet<string> Top = ["Teams", "Eval"];

    private static readonly FolderGraph Bot = FolderGraph.Read(RepoPaths.Combine("bot"));

    [Fact]
    public void FolderGraph_HasNoCycles()
    {
        var cycles = Bot.Cycles();

        Assert.True(cycles.Count == 0, "Folders that depend on each other in a circle:\n" + string.Join("\n\n", cycles.Select(Bot.Describe)));
    }

    [Fact]
    public void Capabilities_UseOnlyCapabilities()
    {
        var offenders = Capabilities
            .SelectMany(from => Bot.Uses(from).Where(to => !Capabilities.Contains(to)).Select(to => Edge(from, to)))
            .ToList();

        Assert.True(offenders.Count == 0, "A capability uses a feature, the framework or Teams:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Conversation_UsesOnlyCapabilities()
    {
        var offenders = Bot.Uses(Framework).Where(to => !Capabilities.Contains(to)).Select(to => Edge(Framework, to)).ToList();

        Assert.True(offenders.Count == 0, "The turn framework uses a feature or Teams:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void NothingBelowTheTop_UsesTeamsOrEval()
    {
        var offenders = Bot.Folders.Where(from => !Top.Contains(from))
            .SelectMany(from => Bot.Uses(from).Where(Top.Contains).Select(to => Edge(from, to)))
            .ToList();

        Assert.True(offenders.Count == 0, "A feature or capability uses the protocol edge or the eval tool:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void EveryFolder_HasAPlaceInTheLayers()
    {
        // A new top-level folder is either a capability (add it above) or a feature (nothing to do); this test
        // only makes sure the capability list names folders that exist, so a rename cannot empty the rule.
        Assert.All(Capabilities.Append(Framework).Concat(Top), folder => Assert.Contains(folder, Bot.Folders));
    }

    [Fact]
    public void Cycles_WouldCatchAPlantedCircle()
    {
        var graph = new FolderGraph();
        HashSet<string> folders = ["Cases", "Reporting", "Storage"];

        graph.Add("Cases/CaseFile.cs", "using Trygg.Reporting;\nnamespace Trygg.Cases;", folders);
        graph.Add("Reporting/ReportForm.cs", "namespace Trygg.Reporting;\nclass F { Cases.CaseFile? File; }", folders);
        graph.Add("Storage/TableKeys.cs", "namespace Trygg.Storage;\n// uses Trygg.Cases only in a comment", folders);

        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal(["Cases", "Reporting"], cycle);
        Assert.Empty(graph.Uses("Storage"));
        Assert.Contains("Cases -> Reporting: Cases/CaseFile.cs", graph.Describe(cycle), StringComparison.Ordinal);
    }

    private static string Edge(string from, string to) => $"  {from} -> {to}: {string.Join(", ", Bot.FilesWhere(from, to))}";
}
