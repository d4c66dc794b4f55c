using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Trygg.Guidance.Learning;

public sealed class GuidanceLearningTests : IDisposable
{
    private const string Question = "får kommunen stå för kostnaden för ett hemlarm";

    private readonly GuidanceIndex _index = new(GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath));
    private readonly InMemoryLearnedPairStore _store = new();
    private readonly LearnedIndexes _indexes;
    private readonly GuidanceLearning _learning;

    public GuidanceLearningTests()
    {
        _indexes = new LearnedIndexes(_index);
        _learning = new GuidanceLearning(_store, _index, _indexes, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)), NullLogger<GuidanceLearning>.Instance);
    }

    public void Dispose()
    {
        _learning.Dispose();
        _indexes.Dispose();
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
        Assert.False(Answered("alingsas"));
    }

    [Fact]
    public async Task RecordCandidate_APassageTheCorpusLacks_NotKept()
    {
        await _learning.RecordCandidateAsync("alingsas", Question, "gone:00000000", default);

        Assert.Empty(await _learning.CandidatesAsync("alingsas", 10, default));
    }

    [Fact]
    public async Task Decide_Approve_NoRebuildOnTheTurn_TheBackgroundRefreshIsAskedFor_AndThenAnswersForThatOrganisationOnly()
    {
        var passage = Passage();
        await _learning.RecordCandidateAsync("alingsas", Question, passage.Id, default);

        var decided = await _learning.DecideAsync("alingsas", LearnedPair.KeyOf(Question, passage.Id), approve: true, default);

        Assert.Equal(PairState.Approved, decided!.State);
        Assert.Empty(_indexes.Organisations); // nothing was built on the deciding turn
        Assert.True(_learning.RefreshRequests.TryRead(out _));
        await _learning.RefreshAsync(default); // what the background refresh does on that request
        var answer = new GuidanceSearch(_index, _indexes).Search(Question, null, organisationId: "alingsas");
        Assert.True(answer.Answered);
        Assert.Equal(passage.Id, answer.Hits[0].Passage.Id);
        Assert.False(Answered("goteborg"));
        Assert.False(Answered(null));
        Assert.Empty(await _learning.CandidatesAsync("alingsas", 10, default));
    }

    [Fact]
    public async Task Decide_Reject_IsRejectedForThatQuestionInThatOrganisationOnly_AndNothingIsLearned()
    {
        var passage = Passage();
        await _learning.RecordCandidateAsync("alingsas", Question, passage.Id, default);

        await _learning.DecideAsync("alingsas", LearnedPair.KeyOf(Question, passage.Id), approve: false, default);

        Assert.True(_learning.IsRejected("alingsas", "Får kommunen stå för kostnaden för ett hemlarm?", passage.Id));
        Assert.False(_learning.IsRejected("alingsas", "hur polisanmäler jag", passage.Id));
        Assert.False(_learning.IsRejected("goteborg", Question, passage.Id));
        await _learning.RefreshAsync(default);
        Assert.True(_learning.IsRejected("alingsas", Question, passage.Id)); // and after the refresh reads the table
        Assert.Empty(_indexes.Organisations);
    }

    [Fact]
    public async Task Decide_AKeyOfAnotherOrganisation_Null_AndNothingChanges()
    {
        var passage = Passage();
        await _learning.RecordCandidateAsync("goteborg", Question, passage.Id, default);

        var decided = await _learning.DecideAsync("alingsas", LearnedPair.KeyOf(Question, passage.Id), approve: true, default);

        Assert.Null(decided);
        await _learning.RefreshAsync(default);
        Assert.Empty(_indexes.Organisations);
        Assert.Single(await _learning.CandidatesAsync("goteborg", 10, default));
    }

    [Fact]
    public async Task Refresh_ApprovedElsewhere_ThisInstanceLearnsIt_ForThatOrganisation()
    {
        var passage = Passage();
        await _store.DecideAsync("alingsas", Question, passage.Id, PairState.Approved, DateTimeOffset.UtcNow, default);

        await _learning.RefreshAsync(default);

        using var lease = _indexes.Acquire("alingsas");
        Assert.Equal([Question], lease.Index.Learned[passage.Id]);
        Assert.True(Answered("alingsas"));
        Assert.False(Answered("goteborg"));
    }

    [Fact]
    public async Task Export_ApprovedPairs_AQuestionsFileThatLoadsOntoTheSamePassage()
    {
        var passage = Passage();
        await _learning.DecideAsync("alingsas", Question, passage.Id, approve: true, default);
        await _learning.DecideAsync("goteborg", "hur ska jag förbereda mig på hotfulla situationer", passage.Id, approve: true, default);

        var (content, count) = await _learning.ExportAsync("alingsas", default);

        Assert.Equal(1, count);
        Assert.DoesNotContain("hur ska jag förbereda mig", content, StringComparison.Ordinal);
        Assert.Contains("# alingsas-rutin-hot-hat-vald.questions", content, StringComparison.Ordinal);
        var document = GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath).Where(p => p.DocumentId == passage.DocumentId).ToList();
        var loaded = GuidanceCorpus.WithQuestions(document, "export.questions", content);
        Assert.Equal([passage.Id], loaded.Where(p => p.Questions.Contains(Question)).Select(p => p.Id).Distinct());
    }

    private bool Answered(string? organisationId) => new GuidanceSearch(_index, _indexes).Search(Question, null, organisationId: organisationId).Answered;

    private GuidancePassage Passage() =>
        _index.Passages.First(p => p.Municipality == "alingsas" && p.Text.Contains("vara förberedd på hur hotfulla situationer", StringComparison.Ordinal));
}
