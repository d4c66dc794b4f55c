namespace Trygg.Guidance;

public sealed class GuidanceIndexLearningTests : IDisposable
{
    private const string Question = "får kommunen stå för kostnaden för ett hemlarm";

    private readonly GuidanceIndex _index = new(GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath));

    public void Dispose() => _index.Dispose();

    [Fact]
    public void WithLearned_AnApprovedQuestion_IsAnsweredWithItsPassage_AndTheCorpusIndexIsUnchanged()
    {
        Assert.False(new GuidanceSearch(_index).Search(Question, null).Answered); // the premise: the corpus alone does not answer it
        var passage = Passage("vara förberedd på hur hotfulla situationer");

        using var learned = _index.WithLearned(new Dictionary<string, IReadOnlyList<string>> { [passage.Id] = [Question] });

        var answer = new GuidanceSearch(learned).Search(Question, null);
        Assert.True(answer.Answered);
        Assert.Equal(passage.Id, answer.Hits[0].Passage.Id);
        Assert.Contains(Question, learned.Find(passage.Id)!.Questions);
        Assert.False(new GuidanceSearch(_index).Search(Question, null).Answered);
        Assert.DoesNotContain(Question, _index.Find(passage.Id)!.Questions);
        Assert.Empty(_index.Learned);
    }

    [Fact]
    public void WithLearned_OnALearnedBuild_StartsFromTheCorpus_SoAWithdrawnApprovalLeaves()
    {
        var passage = Passage("vara förberedd på hur hotfulla situationer");
        using var learned = _index.WithLearned(new Dictionary<string, IReadOnlyList<string>> { [passage.Id] = [Question] });

        using var again = learned.WithLearned(new Dictionary<string, IReadOnlyList<string>>());

        Assert.False(new GuidanceSearch(again).Search(Question, null).Answered);
        Assert.DoesNotContain(Question, again.Find(passage.Id)!.Questions);
    }

    [Fact]
    public void WithLearned_AnIdTheCorpusLacks_Ignored()
    {
        var before = _index.Passages.Sum(p => p.Questions.Count);

        using var learned = _index.WithLearned(new Dictionary<string, IReadOnlyList<string>> { ["gone:00000000"] = [Question] });

        Assert.Equal(before, learned.Passages.Sum(p => p.Questions.Count));
    }

    private GuidancePassage Passage(string words) =>
        _index.Passages.First(p => p.Municipality == "alingsas" && p.Text.Contains(words, StringComparison.Ordinal));
}
