namespace Trygg.Conversation.Intents;

/// <summary>
/// A second reader of what a member wants, learnt from examples (<see cref="TextModel"/>, one model per wish against
/// all the others) and trained on <c>IntentExamples.txt</c>: the first messages of the development sets, labelled by the
/// action their writers accepted, and everyday messages. The rules know the words of each feature; members keep finding
/// new ways to ask for their reports ("har nån tittat på rapporten jag skicka i fredags?"), to say they are new ("hi,
/// new here"), to give a heads-up ("valstuga på stortorget hela augusti, lördagar 10-14") or to tell what happened
/// without a word of harm. <see cref="IntentRecognizer"/> follows it only when it is sure, and never over danger.
/// </summary>
public sealed class IntentModel
{
    /// <summary>The wishes the model may decide, each with the intent it leads to; the rest (danger, guidance questions,
    /// everyday talk) are learnt so that they are not taken for one of these.</summary>
    private static readonly Dictionary<string, Intent> Decides = new(StringComparer.Ordinal)
    {
        ["report"] = Intent.Told,
        ["contact"] = Intent.Contact,
        ["training"] = Intent.Training,
        ["myreports"] = Intent.MyReports,
        ["help"] = Intent.Help,
        ["meeting"] = Intent.Meeting,
    };

    private static readonly Lazy<IntentModel?> Trained = new(() => TextModel.OrNothing(() => Train(ReadExamples())));

    private readonly IReadOnlyList<(Intent Intent, TextModel Model)> _models;

    private IntentModel(IReadOnlyList<(Intent, TextModel)> models) => _models = models;

    /// <summary>The model learnt from the embedded examples, built on first use; null if it could not be (the rules read alone).</summary>
    public static IntentModel? Shared => Trained.Value;

    /// <summary>The wish the model finds likeliest among those it may decide, and how likely.</summary>
    public (Intent Intent, double Probability) Likeliest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var features = TextModel.Features(text);
        return _models.Select(m => (m.Intent, m.Model.Probability(features))).MaxBy(m => m.Item2);
    }

    /// <summary>Learns from (text, label) pairs, labels as in <c>IntentExamples.txt</c>.</summary>
    public static IntentModel Train(IReadOnlyList<(string Label, string Text)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var read = examples.Select(e => (e.Label, Features: TextModel.Features(e.Text))).ToList();
        return new IntentModel([.. Decides.Select(d => (d.Value, TextModel.Train([.. read.Select(r => (r.Features, r.Label == d.Key))])))]);
    }

    /// <summary>The examples embedded with the bot: one per line, "&lt;label&gt; &lt;message&gt;".</summary>
    internal static IReadOnlyList<(string Label, string Text)> ReadExamples() => TextModel.ReadEmbedded("Intents/IntentExamples.txt");
}
