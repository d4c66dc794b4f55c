using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Trygg.Guidance.Learning;

public sealed class GuidanceLearningTests : IDisposable
{
    private const string Question = "får kommunen stå för kostnaden för ett hemlarm";

    private readonly GuidanceIndex _index = new(GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath));
    private readonly InMemoryLearnedPairStore _store = new();
    private readonly GuidanceLearning _learning;

    public GuidanceLearningTests() =>
        _learning = new GuidanceLearning(_store, _index, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)), NullLogger<GuidanceLearning>.Instance);

    public void Dispose()
    {
        _learning.Dispose();
        _index.Dispose();
    }

    [Fact]
    public async Task RecordCandidate_Twice_OneCandidateAskedTwice_NotYetLearned()
    {
        var passage = Passage();

        await _learning.RecordCandidateAsync("alingsas", Question, passage.Id, default);
        await _learning.RecordCandidateAsync("alingsas", "Får kommunen stå för kostnaden för ett hemlarm?", passage.Id, default);

        var (pair, shown) = Assert.Single(await _learning.CandidatesAsync("alingsas", 10, default));
        Assert.Equal(2, pair.Count);
        Assert.Equal(passage.Id, shown.Id);
        Assert.Empty(await _learning.CandidatesAsync("goteborg", 10, default));
        Assert.False(new GuidanceSearch(_index).Search(Question, null).Answered);
    }

    [Fact]
    public async Task RecordCandidate_APassageTheCorpusLacks_NotKept()
    {
        await _learning.RecordCandidateAsync("alingsas", Question, "gone:00000000", default);

        Assert.Empty(await _learning.CandidatesAsync("alingsas", 10, default));
    }

    [Fact]
    public async Task Decide_Approve_TheQuestionIsAnsweredWithThePassageAtOnce()
    {
        var passage = Passage();
        await _learning.RecordCandidateAsync("alingsas", Question, passage.Id, default);

        var decided = await _learning.DecideAsync("alingsas", LearnedPair.KeyOf(Question, passage.Id), approve: true, default);

        Assert.Equal(PairState.Approved, decided!.State);
        var answer = new GuidanceSearch(_index).Search(Question, null);
        Assert.True(answer.Answered);
        Assert.Equal(passage.Id, answer.Hits[0].Passage.Id);
        Assert.Empty(await _learning.CandidatesAsync("alingsas", 10, default));
    }

    [Fact]
    public async Task Decide_Reject_IsRejectedForThatQuestionOnly_AndNothingIsLearned()
    {
        var passage = Passage();
        await _learning.RecordCandidateAsync("alingsas", Question, passage.Id, default);

        await _learning.DecideAsync("alingsas", LearnedPair.KeyOf(Question, passage.Id), approve: false, default);

        Assert.True(_learning.IsRejected("Får kommunen stå för kostnaden för ett hemlarm?", passage.Id));
        Assert.False(_learning.IsRejected("hur polisanmäler jag", passage.Id));
        Assert.Empty(_index.Learned);
    }

    [Fact]
    public async Task Decide_AKeyOfAnotherOrganisation_Null_AndNothingChanges()
    {
        var passage = Passage();
        await _learning.RecordCandidateAsync("goteborg", Question, passage.Id, default);

        var decided = await _learning.DecideAsync("alingsas", LearnedPair.KeyOf(Question, passage.Id), approve: true, default);

        Assert.Null(decided);
        Assert.Empty(_index.Learned);
        Assert.Single(await _learning.CandidatesAsync("goteborg", 10, default));
    }

    [Fact]
    public async Task Refresh_ApprovedElsewhere_ThisIndexLearnsIt()
    {
        var passage = Passage();
        await _store.DecideAsync("alingsas", Question, passage.Id, PairState.Approved, DateTimeOffset.UtcNow, default);

        await _learning.RefreshAsync(default);

        Assert.Equal([Question], _index.Learned[passage.Id]);
        Assert.True(new GuidanceSearch(_index).Search(Question, null).Answered);
    }

    [Fact]
    public async Task Export_ApprovedPairs_AQuestionsFileThatLoadsOntoTheSamePassage()
    {
        var passage = Passage();
        await _learning.DecideAsync("alingsas", Question, passage.Id, approve: true, default);

        var (content, count) = await _learning.ExportAsync(default);

        Assert.Equal(1, count);
        Assert.Contains("# alingsas-rutin-hot-hat-vald.questions", content, StringComparison.Ordinal);
        var document = GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath).Where(p => p.DocumentId == passage.DocumentId).ToList();
        var loaded = GuidanceCorpus.WithQuestions(document, "export.questions", content);
        Assert.Equal([passage.Id], loaded.Where(p => p.Questions.Contains(Question)).Select(p => p.Id).Distinct());
    }

    private GuidancePassage Passage() =>
        _index.Passages.First(p => p.Municipality == "alingsas" && p.Text.Contains("vara förberedd på hur hotfulla situationer", StringComparison.Ordinal));
}
