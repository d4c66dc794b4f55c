using System.Text.Json;
using Trygg.Testing;

namespace Trygg.Conversation.Intents;

/// <summary>
/// The learnt reader of wishes: it knows phrasings of the features that it never saw, it replaces the rules' reading only
/// when sure, and never where danger or the safety question was read.
/// </summary>
public sealed class IntentModelTests
{
    private static readonly string[] Guarded =
    [
        "en man med kniv står utanför min dörr nu", "hjälp mig", "👍", "who can help me?", "min utbildning",
        "hej! nån har skrivit att jag ska hängas, vad kan du göra?", "personlarm hur funkar det", "vad tycker han om tomater?",
    ];

    /// <summary>A model sure that every message here asks for the welcome (each is among its examples, several times over).</summary>
    private static readonly IntentModel AlwaysHelp = IntentModel.Train(
        [.. Enumerable.Repeat(Guarded, 5).SelectMany(g => g).Select(text => ("help", text)), ("question", "xyz"), ("other", "abc")]);

    /// <summary>A set added to eval/ without running scripts/model-examples.sh would never be learnt from.</summary>
    [Fact]
    public void ReadExamples_AreEveryFirstMessageAndEverydayMessageOfEval()
    {
        var eval = RepoPaths.Combine("eval");
        static IEnumerable<JsonElement> Items(string eval, string pattern) => Directory.GetFiles(eval, pattern)
            .Order(StringComparer.Ordinal)
            .SelectMany(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray());
        static string Text(JsonElement e) =>
            string.Join(' ', e.GetProperty("text").GetString()!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var expected = Items(eval, "turns-*.json")
            .Select(e => (Label: e.GetProperty("accept")[0].GetString() is "answer" or "suggest" or "none" ? "question" : e.GetProperty("accept")[0].GetString()!, Text: Text(e)))
            .Concat(Items(eval, "calm-*.json").Select(e => (Label: "other", Text: Text(e))))
            .ToList();

        Assert.Equal(expected, IntentModel.ReadExamples());
    }

    [Theory]
    // First messages the rules misread while their sets were unseen (docs/evaluation.md); each is left out of training here.
    [InlineData("hi, new here", Intent.Help)]
    [InlineData("status på incidentrapporten fr i måndags? ingen har hört av sig", Intent.MyReports)]
    [InlineData("valstuga på stortorget hela augusti, lördagar 10-14", Intent.Meeting)]
    [InlineData("security unit phone pls", Intent.Contact)]
    [InlineData("vill bara säga att det stod en okänd man o fotade vårt hus igår kväll", Intent.Told)]
    public void Likeliest_AWishItNeverSaw_IsKnown(string text, Intent expected)
    {
        var model = IntentModel.Train([.. IntentModel.ReadExamples().Where(e => !e.Text.StartsWith(text, StringComparison.Ordinal))]);

        var (wish, probability) = model.Likeliest(text);

        Assert.Equal(expected, wish);
        Assert.True(probability >= IntentRecognizer.IntentModelFrom, $"{probability:0.00}");
    }

    [Fact]
    public void Recognize_TheModelSure_ReplacesNothingPlaced()
    {
        Assert.Equal(Intent.Other, IntentRecognizer.Recognize("vad tycker han om tomater?", DangerModel.Shared));
        Assert.True(AlwaysHelp.Likeliest("vad tycker han om tomater?").Probability >= IntentRecognizer.IntentModelFrom);

        Assert.Equal(Intent.Help, IntentRecognizer.Recognize("vad tycker han om tomater?", DangerModel.Shared, AlwaysHelp));
    }

    [Fact]
    public void Recognize_TheModelUnsure_ChangesNothing()
    {
        var unsure = IntentModel.Train([("help", "xyz"), ("question", "abc"), ("other", "def")]);
        Assert.True(unsure.Likeliest("vad tycker han om tomater?").Probability < IntentRecognizer.IntentModelFrom);

        Assert.Equal(Intent.Other, IntentRecognizer.Recognize("vad tycker han om tomater?", DangerModel.Shared, unsure));
    }

    [Theory]
    [InlineData("en man med kniv står utanför min dörr nu", Intent.Acute)]
    [InlineData("hjälp mig", Intent.Report)] // the safety question
    [InlineData("👍", Intent.Acknowledgement)]
    [InlineData("who can help me?", Intent.Contact)] // a feature the rules know by its words
    [InlineData("min utbildning", Intent.Training)]
    [InlineData("hej! nån har skrivit att jag ska hängas, vad kan du göra?", Intent.Told)] // something told keeps its report button
    [InlineData("personlarm hur funkar det", Intent.Question)] // the welcome never over a question
    public void Recognize_WhatTheModelMayNotReplace_StaysAsTheRulesRead(string text, Intent expected)
    {
        Assert.True(AlwaysHelp.Likeliest(text).Probability >= IntentRecognizer.IntentModelFrom, text);

        Assert.Equal(expected, IntentRecognizer.Recognize(text, DangerModel.Shared, AlwaysHelp));
    }
}
