using System.Text.RegularExpressions;

namespace Trygg.Architecture;

/// <summary>
/// Which top-level folder of bot/ uses which, read from the source: a <c>using Trygg.X</c> line, a qualified name
/// <c>Trygg.X.Type</c>, or a name qualified from the root namespace (<c>X.Type</c>, which C# resolves inside any
/// <c>Trygg.*</c> namespace). Comments are ignored. Each edge keeps the files that make it, for the failure message.
/// </summary>
internal sealed partial class FolderGraph
{
    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Folders => _edges.Keys;

    public IEnumerable<string> Uses(string folder) =>
        _edges.TryGetValue(folder, out var to) ? to.Keys : [];

    public IEnumerable<string> FilesWhere(string from, string to) =>
        _edges.TryGetValue(from, out var targets) && targets.TryGetValue(to, out var files) ? files : [];

    /// <summary>The graph of bot/: every folder that holds C# code, and what its files use.</summary>
    public static FolderGraph Read(string botDirectory)
    {
        var files = Directory.EnumerateFiles(botDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(botDirectory, f))
            .Where(f => f.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => f.Split(Path.DirectorySeparatorChar)[1] is not ("obj" or "bin") && f.Split(Path.DirectorySeparatorChar)[0] is not ("obj" or "bin"))
            .ToList();
        var folders = files.Select(f => f.Split(Path.DirectorySeparatorChar)[0]).ToHashSet(StringComparer.Ordinal);
        var graph = new FolderGraph();
        foreach (var file in files)
        {
            graph.Add(file.Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText(Path.Combine(botDirectory, file)), folders);
        }

        return graph;
    }

    /// <summary>Adds one file's uses; <paramref name="path"/> is relative to bot/ with '/' separators.</summary>
    public void Add(string path, string source, IReadOnlySet<string> folders)
    {
        var from = path.Split('/')[0];
        var targets = _edges.TryGetValue(from, out var existing) ? existing : _edges[from] = new(StringComparer.Ordinal);
        var code = Comment().Replace(source, "");
        var used = Qualified().Matches(code).Select(m => m.Groups[1].Value)
            .Concat(RootQualified().Matches(code).Select(m => m.Groups[1].Value))
            .Where(folders.Contains)
            .Where(to => to != from);
        foreach (var to in used)
        {
            (targets.TryGetValue(to, out var files) ? files : targets[to] = new(StringComparer.Ordinal)).Add(path);
        }
    }

    /// <summary>Each group of folders that reach each other (strongly connected, more than one folder), smallest first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Uses(v))
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    result.Add(component);
                }
            }
        }

        foreach (var folder in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(folder))
            {
                Visit(folder);
            }
        }

        return [.. result.OrderBy(c => c.Count)];
    }

    /// <summary>The edges inside <paramref name="component"/>, each with the files that make it.</summary>
    public string Describe(IEnumerable<string> component)
    {
        var members = component.ToHashSet(StringComparer.Ordinal);
        return string.Join('\n', members.Order(StringComparer.Ordinal)
            .SelectMany(from => Uses(from).Where(members.Contains).Order(StringComparer.Ordinal)
                .Select(to => $"  {from} -> {to}: {string.Join(", ", FilesWhere(from, to))}")));
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bTrygg\.([A-Z]\w*)")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"(?<![\w.""])([A-Z]\w*)\.[A-Z]\w*")]
    private static partial Regex RootQualified();
}
