using System.Text;

namespace Trygg.Guidance;

/// <summary>
/// Reads the guidance files (a <c>key: value</c> header, <c>---</c>, then a markdown-like body) into passages of
/// roughly one to five sentences, so a search hit is short enough to show and still says something on its own.
/// </summary>
public static class GuidanceCorpus
{
    internal const int MinPassage = 150;
    internal const int MaxPassage = 900;

    public static IReadOnlyList<GuidancePassage> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Guidance corpus folder not found: {folder} (setting Guidance:CorpusPath)");
        }

        return Directory.EnumerateFiles(folder, "*.txt")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Parse(Path.GetFileName(f), File.ReadAllText(f, Encoding.UTF8)))
            .ToList();
    }

    public static IReadOnlyList<GuidancePassage> Parse(string documentId, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        for (; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line == "---")
            {
                i++;
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                header[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        if (i >= lines.Length && header.Count == 0)
        {
            i = 0; // no header at all: the whole file is body
        }

        string H(string key) => header.TryGetValue(key, out var v) ? v : string.Empty;
        var title = H("title");
        var builder = new PassageBuilder(p => new GuidancePassage(
            documentId, title, H("publisher"), H("date"), H("source"), H("municipality"), p.Section, p.Text));

        var headings = new List<(int Level, string Text)>();
        for (; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var level = line.TakeWhile(c => c == '#').Count();
                var text = line[level..].Trim();
                builder.Flush();
                headings.RemoveAll(h => h.Level >= level);
                headings.Add((level, text));
                builder.Section = string.Join(" > ", headings.Select(h => h.Text));
                continue;
            }

            builder.Add(line, IsBullet(line));
        }

        builder.Flush();
        return builder.Passages;
    }

    private static bool IsBullet(string line) =>
        line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal)
        || line.StartsWith("• ", StringComparison.Ordinal);

    private sealed class PassageBuilder(Func<(string Section, string Text), GuidancePassage> create)
    {
        private readonly StringBuilder _buffer = new();

        public List<GuidancePassage> Passages { get; } = [];

        public string Section { get; set; } = string.Empty;

        public void Add(string block, bool bullet)
        {
            // A long paragraph stands alone; short ones and bullet lists stay with their neighbours (a list with its lead-in).
            var full = _buffer.Length > 0 && _buffer.Length + block.Length > MaxPassage;
            var standalone = _buffer.Length >= MinPassage && block.Length >= MinPassage && !bullet;
            if (full || standalone)
            {
                Flush();
            }

            if (_buffer.Length > 0)
            {
                _buffer.Append('\n');
            }

            _buffer.Append(block);
        }

        public void Flush()
        {
            if (_buffer.Length == 0)
            {
                return;
            }

            Passages.Add(create((Section, _buffer.ToString())));
            _buffer.Clear();
        }
    }
}
