using Trygg.Conversation.Turns;

namespace Trygg.Reporting;

public sealed class ReportDraftTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsExpired_AfterSevenDaysWithoutChange_True()
    {
        var draft = ReportDraft.New(Start);

        Assert.False(draft.IsExpired(Start.AddDays(7)));
        Assert.True(draft.IsExpired(Start.AddDays(7).AddMinutes(1)));
    }

    [Fact]
    public void Merge_KeepsEarlierValuesAndTakesOnlyTheStepsFields()
    {
        var draft = ReportDraft.New(Start) with { Values = new Dictionary<string, string?> { ["description"] = "kept" } };
        var action = new CardAction("reporting.preview", new Dictionary<string, string?> { ["police"] = "made", ["description"] = "not this step's" });

        var merged = draft.Merge(action, ReportForm.StepTwoFields, DraftStep.More, Start.AddHours(1));

        Assert.Equal("kept", merged.Values["description"]);
        Assert.Equal("made", merged.Values["police"]);
        Assert.Equal(Start.AddHours(1), merged.UpdatedAt);
        Assert.Equal(draft.Id, merged.Id);
    }
}
