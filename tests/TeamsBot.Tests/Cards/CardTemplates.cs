using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Trygg.Testing;

namespace Trygg.Cards;

/// <summary>
/// Every card template in the repository with its sample data, and hostile variants of that data.
/// Convention: <c>bot/&lt;Feature&gt;/Cards/&lt;Name&gt;.json</c> has <c>bot/&lt;Feature&gt;/Cards/samples/&lt;Name&gt;.sample.json</c>
/// (the samples folder is outside the bot's <c>**/Cards/*.json</c> embed glob). Test-only templates live in
/// tests/TeamsBot.Tests/Cards/Templates with the same layout.
/// </summary>
internal static partial class CardTemplates
{
    /// <summary>Strings a user can type. Each replaces every data string in turn.</summary>
    public static IReadOnlyList<string> HostileStrings { get; } =
    [
        "\"",
        "\\",
        "say \"hi\" \\o/ 'quoted' \\\" done",
        "line one\nline two\r\n\ttabbed",
        "${name}",
        "\\${title} ${$root.secret} ${toUpper('x')}",
        "</script><script>alert(1)</script>",
        "{\"a\":1}",
        "\"},{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"}",
        "😀 emoji 👍🏽 and right-to-left \u202E override",
        "Räksmörgås åäö ÅÄÖ",
        "",
        "   ",
        "1",
        "true",
        string.Concat(Enumerable.Repeat("Lång text ", 1000)),
    ];

    public static IEnumerable<string> All()
    {
        var bot = Directory.EnumerateFiles(RepoPaths.Combine("bot"), "*.json", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(Path.GetDirectoryName(path)) == "Cards")
            .Where(path => !IsBuildOutput(path));
        var tests = Directory.EnumerateFiles(RepoPaths.Combine("tests", "TeamsBot.Tests", "Cards", "Templates"), "*.json");
        return bot.Concat(tests).Order(StringComparer.Ordinal);
    }

    public static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');

    public static string SamplePath(string template) =>
        Path.Combine(Path.GetDirectoryName(template)!, "samples", Path.GetFileNameWithoutExtension(template) + ".sample.json");

    public static JsonNode LoadSample(string template)
    {
        var sample = SamplePath(template);
        Assert.True(File.Exists(sample), $"{Relative(template)} has no sample data: add {Relative(sample)}.");
        return JsonNode.Parse(File.ReadAllText(sample))!;
    }

    /// <summary>The sample itself, then one variant per (string value, hostile string).</summary>
    /// <remarks>
    /// ISO 8601 timestamps are left alone: they come from DateTimeOffset properties the bot serializes, which a
    /// user cannot fill with text; everything else that is a string is treated as user input.
    /// </remarks>
    public static IEnumerable<(string Label, JsonNode Data)> Variants(JsonNode sample)
    {
        yield return ("sample", sample.DeepClone());
        var paths = new List<string>();
        CollectStrings(sample, "$", paths);
        foreach (var path in paths)
        {
            for (var i = 0; i < HostileStrings.Count; i++)
            {
                var copy = sample.DeepClone();
                Replace(copy, path, HostileStrings[i]);
                yield return ($"{path} = hostile[{i}]", copy);
            }
        }
    }

    private static void CollectStrings(JsonNode? node, string path, List<string> paths)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    CollectStrings(value, path + "." + key, paths);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CollectStrings(array[i], $"{path}[{i}]", paths);
                }

                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String
                                      && !IsoTimestamp().IsMatch(value.GetValue<string>()):
                paths.Add(path);
                break;
        }
    }

    private static void Replace(JsonNode root, string path, string text)
    {
        var node = root;
        var steps = PathStep().Matches(path[1..]).Select(m => m.Value).ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            var step = steps[i];
            if (step.StartsWith('['))
            {
                var index = int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (last)
                {
                    node.AsArray()[index] = text;
                }
                else
                {
                    node = node.AsArray()[index]!;
                }
            }
            else if (last)
            {
                node.AsObject()[step[1..]] = text;
            }
            else
            {
                node = node.AsObject()[step[1..]]!;
            }
        }
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$")]
    private static partial Regex IsoTimestamp();

    [GeneratedRegex(@"\.[^.\[]+|\[\d+\]")]
    private static partial Regex PathStep();
}
