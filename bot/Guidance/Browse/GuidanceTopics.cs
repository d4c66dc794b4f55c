using System.Text.Json;
using System.Text.Json.Serialization;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Guidance.Browse;

/// <summary>One topic of the guidance, with its title in each language (data: topics.json) and its passages in corpus order.</summary>
public sealed record GuidanceTopic(string Id, IReadOnlyDictionary<Language, string> Titles, IReadOnlyList<GuidancePassage> Passages)
{
    public string Title(Language language) => Titles[language];
}

/// <summary>
/// The guidance grouped into topics for browsing ("vägledningen"), from <c>topics.json</c> next to the corpus: each
/// topic names headings of the documents, and a passage belongs to the topic of the deepest heading of its path that
/// a topic names. The grouping is data, so a new document or heading needs a line there, not code; a passage no topic
/// names still shows, under a last topic "Övrigt", and a unit test fails on it.
/// </summary>
public sealed class GuidanceTopics
{
    public const string FileName = "topics.json";
    internal const string OtherId = "ovrigt";

    private readonly Dictionary<string, GuidanceTopic> _byId;
    private readonly Dictionary<string, string> _topicOfPassage;

    private GuidanceTopics(IReadOnlyList<GuidanceTopic> topics, IReadOnlyList<GuidancePassage> unplaced)
    {
        All = topics;
        Unplaced = unplaced;
        _byId = topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _topicOfPassage = [];
        foreach (var topic in topics.Where(t => t.Id != OtherId))
        {
            foreach (var passage in topic.Passages)
            {
                _topicOfPassage.TryAdd(passage.Id, topic.Id);
            }
        }
    }

    public IReadOnlyList<GuidanceTopic> All { get; }

    /// <summary>Passages no topic names (shown under "Övrigt"); empty when topics.json covers the corpus.</summary>
    public IReadOnlyList<GuidancePassage> Unplaced { get; }

    public GuidanceTopic? Find(string? id) => id is not null && _byId.TryGetValue(id, out var topic) ? topic : null;

    /// <summary>
    /// The id of the topic a passage is browsed under, or null for a passage under "Övrigt" or not in the corpus: such
    /// a passage shares a topic with no other (<see cref="SameTopic"/>).
    /// </summary>
    public string? TopicOf(GuidancePassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return _topicOfPassage.GetValueOrDefault(passage.Id);
    }

    /// <summary>Reads <see cref="FileName"/> from the corpus folder and groups <paramref name="passages"/>.</summary>
    public static GuidanceTopics Load(string corpusFolder, IReadOnlyList<GuidancePassage> passages)
    {
        var path = Path.Combine(corpusFolder, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Guidance topics not found: {path} (next to the corpus, setting Guidance:CorpusPath)", path);
        }

        return Parse(File.ReadAllText(path), passages);
    }

    public static GuidanceTopics Parse(string json, IReadOnlyList<GuidancePassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var file = JsonSerializer.Deserialize<TopicsFile>(json, Options)
            ?? throw new InvalidDataException($"{FileName} is empty.");
        var topics = file.Topics ?? [];
        if (topics.Any(t => string.IsNullOrWhiteSpace(t.Id) || string.IsNullOrWhiteSpace(t.Sv) || string.IsNullOrWhiteSpace(t.En)))
        {
            throw new InvalidDataException($"{FileName}: every topic needs an id, an sv and an en title.");
        }

        var placed = topics.Select(_ => new List<GuidancePassage>()).ToList();
        var unplaced = new List<GuidancePassage>();
        foreach (var passage in passages)
        {
            var document = Path.GetFileNameWithoutExtension(passage.DocumentId);
            var path = passage.Section.Split(" > ");
            var best = (Topic: -1, Depth: -1);
            for (var t = 0; t < topics.Count; t++)
            {
                foreach (var rule in topics[t].Headings ?? [])
                {
                    var depth = string.Equals(rule.Document, document, StringComparison.Ordinal) ? Array.IndexOf(path, rule.Heading) : -1;
                    if (depth > best.Depth)
                    {
                        best = (t, depth);
                    }
                }
            }

            (best.Topic >= 0 ? placed[best.Topic] : unplaced).Add(passage);
        }

        var result = topics.Select((t, i) => new GuidanceTopic(t.Id!, t.Titles(), placed[i])).Where(t => t.Passages.Count > 0).ToList();
        if (unplaced.Count > 0)
        {
            result.Add(new GuidanceTopic(OtherId, Enum.GetValues<Language>().ToDictionary(l => l, l => BrowseTexts.For(l).OtherTopic), unplaced));
        }

        return new GuidanceTopics(result, unplaced);
    }

    /// <summary>A topic's passages as a member sees them: their own municipality's first, then national, then others', each in corpus order; a repeated text once.</summary>
    public static IReadOnlyList<GuidancePassage> Ordered(GuidanceTopic topic, string? municipality)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return [.. topic.Passages
            .DistinctBy(p => p.Id)
            .Select((p, i) => (Passage: p, Order: i))
            .OrderBy(p => Municipalities.IsOwn(p.Passage, municipality) ? 0 : p.Passage.IsNational ? 1 : 2)
            .ThenBy(p => p.Order)
            .Select(p => p.Passage)];
    }

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record TopicsFile([property: JsonPropertyName("topics")] List<TopicEntry>? Topics);

    private sealed record TopicEntry(string? Id, string? Sv, string? En, List<HeadingRule>? Headings)
    {
        /// <summary>The titles by language: <c>sv</c> and <c>en</c> in the file.</summary>
        public Dictionary<Language, string> Titles() => new() { [Language.Swedish] = Sv!, [Language.English] = En! };
    }

    private sealed record HeadingRule(string? Document, string? Heading);
}
