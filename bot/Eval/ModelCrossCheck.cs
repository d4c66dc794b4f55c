using System.Globalization;
using Trygg.Conversation.Intents;

namespace Trygg.Eval;

/// <summary>
/// <c>eval models-cv FOLDER</c>: how the learnt readers (<see cref="DangerModel"/>, <see cref="IntentModel"/>) would do
/// on messages they never learnt from. The sets of FOLDER are grouped by the session that wrote them (acute-holdoutN with turns-holdoutN);
/// each group is read by a model trained on all the other groups, and the rules' intent is compared with the intent
/// once the model may ask. Prints, per set and per threshold, danger caught (112 or the safety question) by the rules
/// alone and with the model, calm messages newly asked and turn messages whose accepted action the question loses;
/// every message's probability, the rules' intent and whether the model may ask (<see cref="IntentRecognizer.DangerModelMayAsk"/>) go to stderr, and for first messages the
/// wish the intent model (trained without the group) finds likeliest and whether it replaces the reading, to set against
/// what the bot answered when the set was unseen.
/// </summary>
internal static class ModelCrossCheck
{
    private static readonly double[] Thresholds = [0.4, 0.5, 0.6];

    public static async Task<int> RunAsync(string folder, TextWriter stdout, TextWriter stderr)
    {
        var sets = new List<(string Name, string Group, List<EvalItem> Items)>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!name.StartsWith("acute-", StringComparison.Ordinal) && !name.StartsWith("turns-", StringComparison.Ordinal)
                && !name.StartsWith("calm-", StringComparison.Ordinal))
            {
                continue;
            }

            if (await EvalCommand.ReadAsync<EvalItem>(path, "{ id, text, acute?, accept? }", stderr) is not { } items)
            {
                return 2;
            }

            sets.Add((name, Group(name), items));
        }

        foreach (var group in sets.Select(s => s.Group).Distinct())
        {
            var model = DangerModel.Train(
                [.. sets.Where(s => s.Group != group).SelectMany(s => s.Items).Select(i => (i.Text, i.Danger))]);
            var wishes = IntentModel.Train([.. sets
                .Where(s => s.Group != group && !s.Name.StartsWith("acute-", StringComparison.Ordinal))
                .SelectMany(s => s.Items)
                .Select(i => (Label(i), i.Text))]);
            foreach (var set in sets.Where(s => s.Group == group))
            {
                var read = set.Items.Select(i => (Item: i, Rules: IntentRecognizer.ByRules(i.Text), P: model.Probability(i.Text)))
                    .Select(r => (r.Item, r.Rules, Gate: IntentRecognizer.DangerModelMayAsk(r.Rules, Utterance.From(r.Item.Text)), r.P))
                    .ToList();
                foreach (var r in read)
                {
                    var (wish, p) = wishes.Likeliest(r.Item.Text);
                    var replaced = IntentRecognizer.Recognize(r.Item.Text, model, wishes) != IntentRecognizer.Recognize(r.Item.Text, model);
                    await stderr.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{r.P:0.00} {(r.Item.Danger ? "danger" : "calm")} {set.Name} {r.Item.Id} rules={r.Rules} gate={r.Gate} wish={wish}:{p:0.00}:{(replaced ? "replaces" : "keeps")}: {r.Item.Text}"));
                }

                foreach (var threshold in Thresholds)
                {
                    var danger = read.Where(r => r.Item.Danger).ToList();
                    var calm = read.Where(r => !r.Item.Danger).ToList();
                    bool Asks((EvalItem Item, Intent Rules, bool Gate, double P) r) => r.Gate && r.P >= threshold;
                    var caughtByRules = danger.Count(r => Caught(r.Rules));
                    var caught = danger.Count(r => Caught(r.Rules) || Asks(r));
                    var newlyAsked = calm.Where(Asks).ToList();
                    var lost = newlyAsked.Count(r => r.Item.Accept is { } a && !a.Contains("report"));
                    await stdout.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{set.Name,-18} {threshold:0.0}  danger {caughtByRules}/{danger.Count} -> {caught}/{danger.Count}  calm newly asked {newlyAsked.Count}/{calm.Count}  accepted action lost {lost}"));
                }
            }
        }

        return 0;
    }

    /// <summary>As scripts/model-examples.sh labels them (the acute sets are not among the intent model's examples).</summary>
    private static string Label(EvalItem item) => item.Accept switch
    {
        null => "other",
        [var first, ..] when first is "answer" or "suggest" or "none" => "question",
        [var first, ..] => first,
        _ => "other",
    };

    private static bool Caught(Intent intent) => intent is Intent.Acute or Intent.Report;

    /// <summary>Sets written together share the suffix: acute-holdout7 and turns-holdout7 are one group.</summary>
    private static string Group(string name) => name[(name.IndexOf('-', StringComparison.Ordinal) + 1)..];

    /// <summary>An item of an acute set (<c>acute</c>), a turn set (<c>accept</c>, danger when led by "acute") or a calm set.</summary>
    private sealed record EvalItem(string Id, string Text, bool? Acute, List<string>? Accept)
    {
        public bool Danger => Acute ?? Accept is ["acute", ..];
    }
}
