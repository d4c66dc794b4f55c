using System.Text.Json;
using Trygg.Testing;

namespace Trygg.Conversation.Intents;

/// <summary>
/// The second reader of danger: learnt from the embedded examples, it reads phrasings it never saw as danger now, and it
/// may only add the safety question to what the rules left as a question, a contact question, something told or nothing.
/// </summary>
public sealed class DangerModelTests
{
    private const double RecordedProbability = 0.847286;

    /// <summary>A model that learnt danger from tomatoes: clearly wrong, so whatever it changes is the model's doing.</summary>
    private static readonly DangerModel Tomatoes = DangerModel.Train(
    [
        ("han odlar tomater", true),
        ("tomater överallt", true),
        ("de har tomater", true),
        ("hej hur mår du", false),
        ("vad gör jag om nån hotar mig", false),
        ("min utbildning", false),
        ("han har skrivit en bok", false),
    ]);

    [Fact]
    public void ReadExamples_HoldDangerAndCalmMessages()
    {
        var examples = DangerModel.ReadExamples();

        Assert.True(examples.Count > 2000);
        Assert.Contains(examples, e => e.Danger && e.Text.Contains("kniv", StringComparison.Ordinal));
        Assert.Contains(examples, e => !e.Danger);
        Assert.DoesNotContain(examples, e => e.Text.StartsWith(' ') || e.Text.Length == 0);
    }

    /// <summary>A set added to eval/ without running scripts/model-examples.sh would never be learnt from.</summary>
    [Fact]
    public void ReadExamples_AreEveryLabelledMessageOfEval()
    {
        var eval = RepoPaths.Combine("eval");
        var expected = Directory.GetFiles(eval, "acute-*.json").Concat(Directory.GetFiles(eval, "turns-*.json"))
            .Order(StringComparer.Ordinal)
            .Concat(Directory.GetFiles(eval, "calm-*.json").Order(StringComparer.Ordinal))
            .SelectMany(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray())
            .Select(e => (
                Text: string.Join(' ', e.GetProperty("text").GetString()!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                Danger: e.TryGetProperty("acute", out var acute)
                    ? acute.GetBoolean()
                    : e.TryGetProperty("accept", out var accept) && accept[0].GetString() == "acute"))
            .ToList();

        Assert.Equal(expected, DangerModel.ReadExamples());
    }

    /// <summary>
    /// The same examples give the same model in every process, on every runtime: a literal, recorded once, fails when the
    /// hashing, the order of training or the arithmetic comes to depend on the process or the runtime.
    /// </summary>
    [Fact]
    public void Train_SameExamples_TheModelRecordedOnce()
    {
        var model = DangerModel.Train(
        [
            ("han står utanför dörren nu", true), ("det brinner", true), ("hjälp han har kniv", true),
            ("hur anmäler jag ett hot", false), ("mötet är flyttat", false), ("tack för hjälpen", false),
        ]);

        Assert.Equal(RecordedProbability, Math.Round(model.Probability("en man står utanför"), 6));
    }

    [Theory]
    // Danger messages the rules missed when their sets were unseen (docs/evaluation.md); each is left out of training here.
    [InlineData("cant speak, he's in the flat, texting from under the bed")]
    [InlineData("help please hes inside")]
    [InlineData("e ensam i valstugan o en man har låst dörren inifrån o säger att vi ska prata")]
    [InlineData("skrev på min sida att huset ska brinna inatt. jag är ensam hemma o det e mörkt, vågar inte sova")]
    [InlineData("my ex is here. he's not supposed to come near me. he's banging on the window")]
    public void Probability_DangerItNeverSaw_ReachesTheSafetyQuestion(string text)
    {
        var model = DangerModel.Train([.. DangerModel.ReadExamples().Where(e => e.Text != text)]);

        Assert.True(model.Probability(text) >= IntentRecognizer.ModelAsksFrom, $"{model.Probability(text):0.00}");
    }

    /// <summary>Half a surrogate pair (hostile or cut-off text) must not make a message fail: normalisation refuses it.</summary>
    [Theory]
    [InlineData("han står utanför \ud83d")]
    [InlineData("\udc00 hjälp")]
    [InlineData("😀 ok \ud83d\ud83d")]
    public void Probability_BrokenSurrogates_AreRead(string text)
    {
        Assert.InRange(DangerModel.Shared!.Probability(text), 0, 1);
        Assert.InRange(IntentModel.Shared!.Likeliest(text).Probability, 0, 1);
    }

    [Theory]
    [InlineData("kan vi flytta gruppmötet till torsdag kväll istället?")]
    [InlineData("hur gör jag en polisanmälan om ett hotfullt brev?")]
    [InlineData("fick ett otäckt mejl förra månaden, vill anmäla det nu")]
    [InlineData("the printer on the second floor is jammed again")]
    public void Probability_CalmMessagesItNeverSaw_StayLow(string text)
    {
        Assert.DoesNotContain(DangerModel.ReadExamples(), e => e.Text.Contains(text.TrimEnd('?'), StringComparison.OrdinalIgnoreCase));

        Assert.True(DangerModel.Shared!.Probability(text) < IntentRecognizer.ModelAsksFrom, $"{DangerModel.Shared!.Probability(text):0.00}");
    }

    [Fact]
    public void Recognize_RulesFindNothingButTheModelReadsDanger_AsksTheSafetyQuestion()
    {
        Assert.Equal(Intent.Other, IntentRecognizer.ByRules("vad tycker han om tomater?"));

        Assert.Equal(Intent.Report, IntentRecognizer.Recognize("vad tycker han om tomater?", Tomatoes));
    }

    /// <summary>"Jag vet inte om" is no "if" of what might happen: the member tells what is happening (acute-holdout10).</summary>
    [Fact]
    public void Recognize_DangerToldAfterAnUncertainOpening_TheModelMayAsk()
    {
        const string Text = "Jag vet inte om det här är rätt ställe men jag sitter i bilen utanför huset och vågar inte gå in. Ytterdörren står på glänt och det lyser i hallen fast jag släckte allt i morse, och grannen sa att hon sett en man gå runt huset för en kvart sen. Min man är inte hemma.";
        Assert.Equal(Intent.Other, IntentRecognizer.ByRules(Text));

        Assert.Equal(Intent.Report, IntentRecognizer.Recognize(Text, DangerModel.Shared));
    }

    [Theory]
    [InlineData("odlar tomater")] // no person, no harm, no sign of danger: the model may not ask
    [InlineData("han vill ha hjälp att logga in")] // help with a task: no cry
    [InlineData("what should I do if he is outside my house tonight?")] // an "if"
    [InlineData("han står utanför, men jag är i säkerhet nu")] // safe now
    public void Recognize_ModelMayNotAsk_KeepsTheRules(string text)
    {
        Assert.Equal(IntentRecognizer.ByRules(text), IntentRecognizer.Recognize(text, Tomatoes));
    }
}
