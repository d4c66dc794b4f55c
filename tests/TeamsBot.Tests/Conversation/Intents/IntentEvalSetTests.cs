using System.Text.Json;
using Trygg.Testing;

namespace Trygg.Conversation.Intents;

/// <summary>The recogniser over the utterance sets in eval/: every acute message must be acute, and most of the rest right.</summary>
public sealed class IntentEvalSetTests
{
    private const double AccuracyFloor = 0.90;
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<string> Sets => new() { "intents.json", "intents-holdout.json" };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Recognize_AcuteItems_AreAllAcute(string file)
    {
        var missed = Load(file)
            .Where(i => i.Expected == "acute")
            .Select(i => (i.Text, Got: IntentRecognizer.Recognize(i.Text)))
            .Where(x => x.Got != Intent.Acute)
            .Select(x => $"  [{x.Got}] {x.Text}")
            .ToList();

        Assert.True(missed.Count == 0, $"Acute messages not recognised as acute in {file}:\n" + string.Join('\n', missed));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Recognize_EvalSet_MeetsAccuracyFloor(string file)
    {
        var items = Load(file);
        var misses = items
            .Select(i => (i.Text, i.Expected, Got: Trygg.Eval.EvalCommand.Name(IntentRecognizer.Recognize(i.Text))))
            .Where(x => x.Got != x.Expected)
            .Select(x => $"  [{x.Expected} -> {x.Got}] {x.Text}")
            .ToList();
        var accuracy = 1.0 - ((double)misses.Count / items.Count);

        Assert.True(accuracy >= AccuracyFloor, $"{file}: accuracy {accuracy:P1} below {AccuracyFloor:P0}; misses:\n" + string.Join('\n', misses));
    }

    [Fact]
    public void EvalSets_AreLargeAndBilingualEnough()
    {
        var dev = Load("intents.json");
        var holdout = Load("intents-holdout.json");

        Assert.True(dev.Count >= 200, $"intents.json has {dev.Count} items");
        Assert.True(holdout.Count >= 60, $"intents-holdout.json has {holdout.Count} items");
        var names = Enum.GetValues<Intent>().Select(Trygg.Eval.EvalCommand.Name).ToHashSet();
        Assert.All(dev.Concat(holdout), i => Assert.Contains(i.Expected, names));
        Assert.Empty(dev.Select(i => i.Text).Intersect(holdout.Select(i => i.Text)));
    }

    private static List<Item> Load(string file)
    {
        var json = File.ReadAllText(RepoPaths.Combine("eval", file));
        return JsonSerializer.Deserialize<List<Item>>(json, Json)
            ?? throw new InvalidOperationException(file + " is empty");
    }

    private sealed record Item(string Text, string Expected);
}
