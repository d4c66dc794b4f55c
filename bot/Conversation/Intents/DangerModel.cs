namespace Trygg.Conversation.Intents;

/// <summary>
/// A second reader of danger, learnt from examples rather than written as rules (<see cref="TextModel"/>), trained on
/// <c>DangerExamples.txt</c> (the labelled development sets, written by people who saw no code). The word classes of
/// <see cref="DangerReading"/> know the kinds of danger; each new set of messages still finds phrasings they do not know
/// ("cant speak, he's in the flat", "e ensam i valstugan o en man har låst dörren inifrån"), and letter runs carry what
/// was learnt from similar phrasings to them. It never gives the 112 card and never takes danger away:
/// <see cref="IntentRecognizer"/> only lets it ask "Är du i säkerhet just nu?". Trained once per process in a fraction
/// of a second, at start (<see cref="LearntReadersWarmUp"/>); should that ever fail, the rules read alone.
/// </summary>
public sealed class DangerModel
{
    private static readonly Lazy<DangerModel?> Trained = new(() => TextModel.OrNothing(() => Train(ReadExamples())));

    private readonly TextModel _model;

    private DangerModel(TextModel model) => _model = model;

    /// <summary>The model learnt from the embedded examples, built on first use; null if it could not be (the rules read alone).</summary>
    public static DangerModel? Shared => Trained.Value;

    /// <summary>How likely the message is from someone in danger now, 0 to 1.</summary>
    public double Probability(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _model.Probability(text);
    }

    /// <summary>Learns from (text, danger now) pairs; the same examples in the same order give the same model.</summary>
    public static DangerModel Train(IReadOnlyList<(string Text, bool Danger)> examples) => new(TextModel.Train(examples));

    /// <summary>The examples embedded with the bot: one per line, "+ " danger now, "- " not.</summary>
    internal static IReadOnlyList<(string Text, bool Danger)> ReadExamples() =>
        [.. TextModel.ReadEmbedded("Intents/DangerExamples.txt")
            .Where(e => e.Label is "+" or "-")
            .Select(e => (e.Text, e.Label == "+"))];
}
