using System.Text;

namespace Trygg.Guidance;

/// <summary>
/// Reads the guidance files (a <c>key: value</c> header, <c>---</c>, then a markdown-like body) into passages of
/// roughly one to five sentences, so a search hit is short enough to show and still says something on its own.
/// A document may have a <c>.questions</c> file next to it (same name): blocks of a quote from one passage
/// (<c>&gt; ...</c>) followed by questions members ask that the passage answers, one per line.
/// </summary>
public static class GuidanceCorpus
{
    internal const int MinPassage = 80;
    internal const int MinWholeItem = 100;
    internal const int MaxPassage = 700;

    public static IReadOnlyList<GuidancePassage> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Guidance corpus folder not found: {folder} (setting Guidance:CorpusPath)");
        }

        return Directory.EnumerateFiles(folder, "*.txt")
            .Order(StringComparer.Ordinal)
            .SelectMany(f =>
            {
                var passages = Parse(Path.GetFileName(f), File.ReadAllText(f, Encoding.UTF8));
                var questions = Path.ChangeExtension(f, ".questions");
                return File.Exists(questions)
                    ? WithQuestions(passages, Path.GetFileName(questions), File.ReadAllText(questions, Encoding.UTF8))
                    : passages;
            })
            .ToList();
    }

    /// <summary>
    /// The passages with the questions of a <c>.questions</c> file attached. Each block starts with a quote
    /// (<c>&gt; </c> and words copied from the passage, found in exactly one passage of the document; case and
    /// spacing do not matter) and lists the questions under it; <c>#</c> starts a comment. A quote that fits no passage
    /// or several (the document was edited) stops the load with the file and line, rather than attaching the questions
    /// to the wrong words.
    /// </summary>
    public static IReadOnlyList<GuidancePassage> WithQuestions(IReadOnlyList<GuidancePassage> passages, string fileName, string content)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(content);
        var folded = passages.Select(p => Fold(p.Text)).ToList();
        var questions = passages.Select(_ => new List<string>()).ToList();
        List<int> current = [];
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('>'))
            {
                var quote = Fold(line[1..]);
                var matches = Enumerable.Range(0, passages.Count).Where(i => quote.Length > 0 && folded[i].Contains(quote, StringComparison.Ordinal)).ToList();
                if (matches.Count == 0 || matches.Any(i => folded[i] != folded[matches[0]]))
                {
                    throw new InvalidDataException(
                        $"{fileName} line {n + 1}: the quote is in {matches.Count} passages, it must be in exactly one: {line}");
                }

                current = matches; // a passage the document repeats word for word gets the questions in both places
                continue;
            }

            if (current.Count == 0)
            {
                throw new InvalidDataException($"{fileName} line {n + 1}: a question before any quote (start a block with '> words from the passage')");
            }

            current.ForEach(i => questions[i].Add(line));
        }

        return [.. passages.Select((p, i) => questions[i].Count == 0 ? p : p with { Questions = [.. p.Questions, .. questions[i]] })];
    }

    private static string Fold(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

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
            documentId, title, H("publisher"), H("date"), H("source"), H("municipality"), p.Section, p.Text) { OpensSection = p.Opens });

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

    /// <summary>
    /// Groups lines into passages. A sentence of its own (a paragraph ending in a full stop, or a list item that is a
    /// whole piece of advice) stands alone; a lead-in ending in ':' keeps the list under it; short list items and
    /// labels stay with their neighbours, up to <see cref="MaxPassage"/>.
    /// </summary>
    private sealed class PassageBuilder(Func<(string Section, string Text, bool Opens), GuidancePassage> create)
    {
        private readonly StringBuilder _buffer = new();
        private bool _opens = true;

        public List<GuidancePassage> Passages { get; } = [];

        public string Section
        {
            get;
            set
            {
                field = value;
                _opens = true;
            }
        } = string.Empty;

        public void Add(string line, bool bullet)
        {
            // A lead-in ending in ':' keeps what follows; a label without a full stop stays with the next paragraph.
            var whole = IsWhole(line, bullet);
            var ended = _buffer.Length > 0 && EndsSentence(_buffer[^1]);
            var leadIn = _buffer.Length > 0 && _buffer[^1] == ':';
            var flush = _buffer.Length + line.Length > MaxPassage
                || (whole && bullet && !leadIn)
                || (ended && (whole || (!bullet && _buffer.Length >= MinPassage)));
            if (_buffer.Length > 0 && flush)
            {
                Flush();
            }

            if (_buffer.Length > 0)
            {
                _buffer.Append('\n');
            }

            _buffer.Append(line);
            if (whole && bullet)
            {
                Flush();
            }
        }

        public void Flush()
        {
            if (_buffer.Length == 0)
            {
                return;
            }

            Passages.Add(create((Section, _buffer.ToString(), _opens)));
            _opens = false;
            _buffer.Clear();
        }

        /// <summary>Long enough and finished: a paragraph of at least <see cref="MinPassage"/> ending a sentence, or such a list item.</summary>
        private static bool IsWhole(string line, bool bullet)
        {
            var text = bullet ? line[2..].TrimStart() : line;
            return text.Length >= (bullet ? MinWholeItem : MinPassage) && (!bullet || char.IsUpper(text[0])) && EndsSentence(text[^1]);
        }

        private static bool EndsSentence(char c) => c is '.' or '?' or '!' or ')';
    }
}
