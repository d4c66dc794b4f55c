using System.Text;
using System.Text.RegularExpressions;
using Trygg.Testing;

namespace Trygg.Docs;

/// <summary>
/// The README and docs/ cannot rot silently: every relative link in the repository's Markdown points to a file in the repository (and to a heading
/// that exists, when it names one), every file in docs/ is listed in the docs index, and the README stays a short front
/// page (issue 19: the two commands, what Trygg does, the folder map and links).
/// </summary>
public sealed class DocumentationTests
{
    private const int ReadmeMaxLines = 150;

    /// <summary>README.md, docs/*.md and the Markdown next to the code (bot/, eval/, manifest/ ...).</summary>
    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string> { "README.md" };
        string[] skipped = ["bin", "obj", "node_modules", ".git", "TestResults", ".run", ".azurite"];
        var files = Directory.EnumerateDirectories(RepoPaths.Root)
            .Where(dir => !skipped.Contains(Path.GetFileName(dir)))
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.md", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(RepoPaths.Root, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(file => !file.Split('/').Any(part => skipped.Contains(part)))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            documents.Add(file);
        }

        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Links_RelativeLinks_PointToFilesAndHeadingsThatExist(string document)
    {
        var broken = MarkdownLinks.Broken(RepoPaths.Root, document);

        Assert.True(broken.Count == 0, $"{document} has broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Readme_IsAShortFrontPage_AtMost150Lines()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine("README.md")).Length;

        Assert.True(lines <= ReadmeMaxLines, $"README.md has {lines} lines; at most {ReadmeMaxLines}. Move the detail into docs/.");
    }

    [Fact]
    public void DocsIndex_ListsEveryFileInDocs()
    {
        var index = RepoPaths.Combine("docs", "README.md");
        var linked = MarkdownLinks.Targets(File.ReadAllText(index))
            .Select(target => target.Split('#')[0])
            .ToHashSet(StringComparer.Ordinal);
        var missing = Directory.EnumerateFiles(RepoPaths.Combine("docs"), "*.md")
            .Select(Path.GetFileName)
            .Where(name => name != "README.md" && !linked.Contains(name!))
            .ToList();

        Assert.True(missing.Count == 0, "docs/README.md does not list: " + string.Join(", ", missing));
    }

    [Fact]
    public void Broken_MissingFileMissingHeadingOrLinkOutOfTheRepository_AreEachReported()
    {
        var root = Directory.CreateTempSubdirectory("trygg-docs-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "docs"));
            Directory.CreateDirectory(Path.Combine(root, "outside"));
            File.WriteAllText(Path.Combine(root, "docs", "a.md"), """
                # A

                ## In: `POST /api/messages`

                [fine](b.md#the-b-heading) [self](#in-post-apimessages) [web](https://example.org/x.md) [tel](tel:112)
                [gone](missing.md) [no heading](b.md#nowhere) [no self heading](#nothing)
                [escapes](../../etc/passwd)

                ```bash
                [in a code block](ignored.md)
                ```
                `[in code](ignored-too.md)`
                """);
            File.WriteAllText(Path.Combine(root, "docs", "b.md"), "# The B heading\n");

            var broken = MarkdownLinks.Broken(root, "docs/a.md");

            Assert.Equal(4, broken.Count);
            Assert.Contains(broken, b => b.Contains("missing.md", StringComparison.Ordinal));
            Assert.Contains(broken, b => b.Contains("b.md#nowhere", StringComparison.Ordinal));
            Assert.Contains(broken, b => b.Contains("#nothing", StringComparison.Ordinal));
            Assert.Contains(broken, b => b.Contains("../../etc/passwd", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("In: `POST /api/messages`", "in-post-apimessages")]
    [InlineData("Welcome and first messages (`bot/Conversation/`)", "welcome-and-first-messages-botconversation")]
    [InlineData("The decision to answer, per set (measured 2026-11-24)", "the-decision-to-answer-per-set-measured-2026-11-24")]
    [InlineData("\"Vilka uppgifter har ni om mig\"", "vilka-uppgifter-har-ni-om-mig")]
    [InlineData("Retention (Privacy/)", "retention-privacy")]
    public void Slug_Heading_IsGitHubsAnchor(string heading, string expected)
    {
        Assert.Equal(expected, MarkdownLinks.Slug(heading));
    }
}

/// <summary>Reads the links and headings of a Markdown file the way GitHub renders them, enough to check links.</summary>
internal static partial class MarkdownLinks
{
    [GeneratedRegex(@"\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"[^\p{L}\p{M}\p{N}_\- ]")]
    private static partial Regex NotInSlug();

    /// <summary>Every link target outside code, as written.</summary>
    public static IEnumerable<string> Targets(string markdown) =>
        ProseLines(markdown).SelectMany(line => Link().Matches(InlineCode().Replace(line, "")).Select(m => m.Groups[1].Value));

    /// <summary>Relative links of <paramref name="document"/> (a path under <paramref name="root"/>) that point nowhere.</summary>
    public static List<string> Broken(string root, string document)
    {
        var fullRoot = Path.GetFullPath(root);
        var path = Path.GetFullPath(Path.Combine(fullRoot, document));
        var broken = new List<string>();
        foreach (var target in Targets(File.ReadAllText(path)).Where(t => !Scheme().IsMatch(t)))
        {
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
            var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
            var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));

            if (!resolved.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                broken.Add($"{target}: outside the repository");
            }
            else if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{target}: no such file");
            }
            else if (anchor is not null && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                && !Anchors(File.ReadAllText(resolved)).Contains(anchor.ToLowerInvariant()))
            {
                broken.Add($"{target}: no such heading in {Path.GetRelativePath(fullRoot, resolved)}");
            }
        }

        return broken;
    }

    /// <summary>The anchors GitHub gives the headings: the slug, and slug-1, slug-2 ... for repeats.</summary>
    public static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var match in ProseLines(markdown).Select(line => Heading().Match(line)).Where(m => m.Success))
        {
            var slug = Slug(match.Groups[1].Value);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    /// <summary>GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens.</summary>
    public static string Slug(string heading) =>
        NotInSlug().Replace(heading.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormC), "").Replace(' ', '-');

    private static IEnumerable<string> ProseLines(string markdown)
    {
        var fenced = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced)
            {
                yield return line.TrimEnd('\r');
            }
        }
    }
}
