using System.Globalization;
using System.Text;

namespace Trygg.Conversation.Intents;

/// <summary>
/// A second reader of danger, learnt from examples rather than written as rules: logistic regression over the words,
/// word pairs and letter runs (3-5) of a message, trained on <c>DangerExamples.txt</c> (the labelled development sets,
/// written by people who saw no code). The word classes of <see cref="DangerReading"/> know the kinds of danger; each new
/// set of messages still finds phrasings they do not know ("cant speak, he's in the flat", "e ensam i valstugan o en man
/// har låst dörren inifrån"), and letter runs carry what was learnt from similar phrasings to them. It never takes danger
/// away and never gives the 112 card by itself: <see cref="IntentRecognizer"/> only lets it ask "Är du i säkerhet just nu?".
/// Training is deterministic (fixed order and seed) and takes a fraction of a second, once per process.
/// </summary>
public sealed class DangerModel
{
    private const int Buckets = 1 << 20;
    private const int Epochs = 30;
    private const double LearningRate = 0.2;
    private const double Decay = 1e-4;

    private static readonly Lazy<DangerModel> Trained = new(() => Train(ReadExamples()));

    private readonly float[] _weights;
    private readonly double _bias;

    private DangerModel(float[] weights, double bias)
    {
        _weights = weights;
        _bias = bias;
    }

    /// <summary>The model learnt from the embedded examples; built on first use.</summary>
    public static DangerModel Shared => Trained.Value;

    /// <summary>How likely the message is from someone in danger now, 0 to 1.</summary>
    public double Probability(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var z = _bias;
        foreach (var feature in Features(text))
        {
            z += _weights[feature];
        }

        return Sigmoid(z);
    }

    /// <summary>Learns from (text, danger now) pairs; the same examples in the same order give the same model.</summary>
    public static DangerModel Train(IReadOnlyList<(string Text, bool Danger)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var data = examples.Select(e => (Features: Features(e.Text), Label: e.Danger ? 1.0 : 0.0)).ToArray();
        var weights = new float[Buckets];
        var bias = 0.0;
        var order = Enumerable.Range(0, data.Length).ToArray();
        var random = new Random(1);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (features, label) = data[i];
                var z = bias;
                foreach (var f in features)
                {
                    z += weights[f];
                }

                var gradient = Sigmoid(z) - label;
                var step = LearningRate / Math.Sqrt(Math.Max(1, features.Length));
                foreach (var f in features)
                {
                    weights[f] -= (float)(step * (gradient + (Decay * weights[f])));
                }

                bias -= LearningRate * gradient * 0.1;
            }
        }

        return new DangerModel(weights, bias);
    }

    /// <summary>The examples embedded with the bot: one per line, "+ " danger now, "- " not.</summary>
    internal static IReadOnlyList<(string Text, bool Danger)> ReadExamples()
    {
        using var stream = typeof(DangerModel).Assembly.GetManifestResourceStream("Intents/DangerExamples.txt")
            ?? throw new InvalidOperationException("The embedded resource Intents/DangerExamples.txt is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var examples = new List<(string, bool)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 2 && line[1] == ' ' && line[0] is '+' or '-')
            {
                examples.Add((line[2..], line[0] == '+'));
            }
        }

        return examples;
    }

    /// <summary>Distinct hashed features: words, word pairs and letter runs of 3-5 over the folded words.</summary>
    internal static int[] Features(string text)
    {
        var words = Words(text);
        var features = new HashSet<int>();
        for (var i = 0; i < words.Count; i++)
        {
            features.Add(Bucket('w', words[i]));
            if (i + 1 < words.Count)
            {
                features.Add(Bucket('b', words[i] + " " + words[i + 1]));
            }
        }

        var joined = " " + string.Join(' ', words) + " ";
        for (var n = 3; n <= 5; n++)
        {
            for (var i = 0; i + n <= joined.Length; i++)
            {
                features.Add(Bucket('c', joined.AsSpan(i, n)));
            }
        }

        return [.. features];
    }

    /// <summary>Lower case without å/ä/ö or accents; letters and digits make words, any other visible sign is a word of its own.</summary>
    private static List<string> Words(string text)
    {
        var folded = Fold(text);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                word.Append(c);
                continue;
            }

            if (c is '\'')
            {
                continue; // "he's" is "hes", as members often write it
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }

            if (!char.IsWhiteSpace(c))
            {
                words.Add(c.ToString());
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace('’', '\'').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    /// <summary>FNV-1a over the kind and the UTF-16 units: stable across processes, unlike string.GetHashCode.</summary>
    private static int Bucket(char kind, ReadOnlySpan<char> feature)
    {
        var hash = (2166136261u ^ kind) * 16777619u;
        foreach (var c in feature)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & (Buckets - 1));
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));
}
