using System.Text;

namespace Trygg.Conversation.Intents;

/// <summary>
/// Logistic regression over the words, word pairs and letter runs (3-5) of a message, hashed into a fixed table: the
/// learning under <see cref="DangerModel"/> and <see cref="IntentModel"/>. Training is deterministic (fixed order and
/// seed; hashing that does not change between processes), so the same examples always give the same model.
/// </summary>
public sealed class TextModel
{
    private const int Buckets = 1 << 20;
    private const int Epochs = 30;
    private const double LearningRate = 0.2;
    private const double Decay = 1e-4;

    private readonly float[] _weights;
    private readonly double _bias;

    private TextModel(float[] weights, double bias)
    {
        _weights = weights;
        _bias = bias;
    }

    /// <summary>How likely the message is of the kind learnt, 0 to 1.</summary>
    public double Probability(string text) => Probability(Features(text));

    internal double Probability(int[] features)
    {
        var z = _bias;
        foreach (var feature in features)
        {
            z += _weights[feature];
        }

        return Sigmoid(z);
    }

    /// <summary>Learns from (text, is of the kind) pairs.</summary>
    public static TextModel Train(IReadOnlyList<(string Text, bool Label)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return Train([.. examples.Select(e => (Features(e.Text), e.Label))]);
    }

    /// <summary>Learns from examples whose features are already read (one-vs-rest models share them).</summary>
    internal static TextModel Train(IReadOnlyList<(int[] Features, bool Label)> examples)
    {
        var weights = new float[Buckets];
        var bias = 0.0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var seed = 1UL;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            Shuffle(order, ref seed);
            foreach (var i in order)
            {
                var (features, label) = examples[i];
                var z = bias;
                foreach (var f in features)
                {
                    z += weights[f];
                }

                var gradient = Sigmoid(z) - (label ? 1.0 : 0.0);
                var step = LearningRate / Math.Sqrt(Math.Max(1, features.Length));
                foreach (var f in features)
                {
                    weights[f] -= (float)(step * (gradient + (Decay * weights[f])));
                }

                bias -= LearningRate * gradient * 0.1;
            }
        }

        return new TextModel(weights, bias);
    }

    /// <summary>
    /// A learnt reader, or null when it cannot be built (a missing resource, a failed training): the rules then read
    /// alone, and no message, least of all an acute one, fails for want of a model.
    /// </summary>
    internal static T? OrNothing<T>(Func<T> build)
        where T : class
    {
        try
        {
            return build();
        }
#pragma warning disable CA1031 // any failure leaves the rules to read alone
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>The lines of an embedded example file, each split at its first space into a label and a message.</summary>
    internal static IReadOnlyList<(string Label, string Text)> ReadEmbedded(string name)
    {
        using var stream = typeof(TextModel).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var examples = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && space < line.Length - 1)
            {
                examples.Add((line[..space], line[(space + 1)..]));
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

    private static string Fold(string text) =>
        IntentRecognizer.Fold(WholeCodePoints(text.ToLowerInvariant().Replace('’', '\'')));

    /// <summary>Half a surrogate pair (hostile or cut-off text) becomes U+FFFD: normalisation refuses it.</summary>
    private static string WholeCodePoints(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }

        var whole = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                whole.Append(text[i]).Append(text[++i]);
            }
            else
            {
                whole.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }
        }

        return whole.ToString();
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

    /// <summary>
    /// Fisher-Yates with a 64-bit linear congruential generator (Knuth's MMIX constants): written out so that the order,
    /// and so the model, cannot change with the runtime's <see cref="Random"/>.
    /// </summary>
    private static void Shuffle(int[] order, ref ulong seed)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            seed = (seed * 6364136223846793005UL) + 1442695040888963407UL;
            var j = (int)((seed >> 33) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));
}
