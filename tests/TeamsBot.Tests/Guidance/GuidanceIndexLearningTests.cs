namespace Trygg.Guidance;

public sealed class GuidanceIndexLearningTests : IDisposable
{
    private const string Question = "får kommunen stå för kostnaden för ett hemlarm";

    private readonly GuidanceIndex _index = new(GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath));

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Learn_AnApprovedQuestion_IsAnsweredWithItsPassage()
    {
        var search = new GuidanceSearch(_index);
        Assert.False(search.Search(Question, null).Answered); // the premise: the corpus alone does not answer it
        var passage = Passage("vara förberedd på hur hotfulla situationer");

        _index.Learn(new Dictionary<string, IReadOnlyList<string>> { [passage.Id] = [Question] });

        var answer = search.Search(Question, null);
        Assert.True(answer.Answered);
        Assert.Equal(passage.Id, answer.Hits[0].Passage.Id);
        Assert.Contains(Question, _index.Find(passage.Id)!.Questions);
    }

    [Fact]
    public void Learn_Again_ReplacesWhatWasLearnedBefore()
    {
        var search = new GuidanceSearch(_index);
        var passage = Passage("vara förberedd på hur hotfulla situationer");
        _index.Learn(new Dictionary<string, IReadOnlyList<string>> { [passage.Id] = [Question] });

        _index.Learn(new Dictionary<string, IReadOnlyList<string>>());

        Assert.False(search.Search(Question, null).Answered);
        Assert.DoesNotContain(Question, _index.Find(passage.Id)!.Questions);
    }

    [Fact]
    public void Learn_AnIdTheCorpusLacks_Ignored()
    {
        var before = _index.Passages.Sum(p => p.Questions.Count);

        _index.Learn(new Dictionary<string, IReadOnlyList<string>> { ["gone:00000000"] = [Question] });

        Assert.Equal(before, _index.Passages.Sum(p => p.Questions.Count));
    }

    private GuidancePassage Passage(string words) =>
        _index.Passages.First(p => p.Municipality == "alingsas" && p.Text.Contains(words, StringComparison.Ordinal));
}
