using System.Text.Json;
using Trygg.Testing;

namespace Trygg.Conversation.Intents;

/// <summary>
/// The second reader of danger: learnt from the embedded examples, it reads phrasings it never saw as danger now, and it
/// may only add the safety question to what the rules left as a question, a contact question, something told or nothing.
/// </summary>
public sealed class DangerModelTests
{
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

    /// <summary>A set added to eval/ without running scripts/danger-examples.sh would never be learnt from.</summary>
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

    [Fact]
    public void Train_SameExamples_SameModel()
    {
        var examples = DangerModel.ReadExamples().Take(300).ToList();

        var first = DangerModel.Train(examples);
        var second = DangerModel.Train(examples);

        Assert.Equal(first.Probability("han står utanför dörren"), second.Probability("han står utanför dörren"));
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

    [Theory]
    [InlineData("hej! trevlig helg")]
    [InlineData("hur polisanmäler jag ett hotfullt mejl?")]
    [InlineData("fick ett hotfullt mejl förra veckan, vill anmäla")]
    [InlineData("vad gör jag om nån står utanför mitt hus?")]
    public void Probability_CalmMessages_StayLow(string text)
    {
        Assert.True(DangerModel.Shared.Probability(text) < IntentRecognizer.ModelAsksFrom, $"{DangerModel.Shared.Probability(text):0.00}");
    }

    [Fact]
    public void Recognize_RulesFindNothingButTheModelReadsDanger_AsksTheSafetyQuestion()
    {
        Assert.Equal(Intent.Other, IntentRecognizer.ByRules("vad tycker han om tomater?"));

        Assert.Equal(Intent.Report, IntentRecognizer.Recognize("vad tycker han om tomater?", Tomatoes));
    }

    [Theory]
    [InlineData("odlar tomater")] // no person, no harm, no sign of danger: the model may not ask
    [InlineData("min utbildning tomater")] // the rules placed it: training
    [InlineData("hej")] // the welcome card
    public void Recognize_ModelMayNotAsk_KeepsTheRules(string text)
    {
        Assert.Equal(IntentRecognizer.ByRules(text), IntentRecognizer.Recognize(text, Tomatoes));
    }

    [Fact]
    public void Recognize_TheModelNeverGivesTheAcuteCard()
    {
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize("vad tycker han om tomater?", Tomatoes));
    }

    [Theory]
    [InlineData("en man med kniv står utanför min dörr nu")] // a weapon
    [InlineData("they said they'll come back tonight, what should I do")] // tonight's threat
    [InlineData("det brinner i trapphuset")] // fire
    public void Recognize_AModelSureItIsCalm_NeverSoftensHarmOrAKindOfDanger(string text)
    {
        var calmModel = DangerModel.Train([(text, false), ("hej", true)]);

        Assert.True(calmModel.Probability(text) < IntentRecognizer.ModelCalmBelow);
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text, calmModel));
    }

    [Fact]
    public void Recognize_OnlySomeoneNearAndTheModelSureItIsCalm_IsTheSafetyQuestionNotThe112Card()
    {
        const string Text = "han står utanför o väntar på mig, vi ska äta lunch";
        var calmModel = DangerModel.Train([(Text, false), ("hej", true)]);

        Assert.Equal(Intent.Acute, IntentRecognizer.ByRules(Text));
        Assert.Equal(Intent.Report, IntentRecognizer.Recognize(Text, calmModel));
        Assert.True(IntentRecognizer.IsAcute(Text)); // in the middle of something, only the rules decide
    }
}
