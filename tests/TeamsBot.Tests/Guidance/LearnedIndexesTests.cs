namespace Trygg.Guidance;

public sealed class LearnedIndexesTests : IDisposable
{
    private const string Question = "får kommunen stå för kostnaden för ett hemlarm";

    private readonly GuidanceIndex _corpus = new(GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath));
    private readonly LearnedIndexes _indexes;

    public LearnedIndexesTests() => _indexes = new LearnedIndexes(_corpus);

    public void Dispose()
    {
        _indexes.Dispose();
        _corpus.Dispose();
    }

    [Fact]
    public void Acquire_AnOrganisationWithoutALearnedBuild_TheCorpusIndex()
    {
        _indexes.Swap("alingsas", Learned());

        using var lease = _indexes.Acquire("goteborg");
        using var none = _indexes.Acquire(null);

        Assert.Same(_corpus, lease.Index);
        Assert.Same(_corpus, none.Index);
    }

    [Fact]
    public void Search_ForTheOrganisationThatLearned_Answered_ForAnotherNot()
    {
        _indexes.Swap("alingsas", Learned());
        var search = new GuidanceSearch(_corpus, _indexes);

        Assert.True(search.Search(Question, null, organisationId: "alingsas").Answered);
        Assert.False(search.Search(Question, null, organisationId: "goteborg").Answered);
        Assert.False(search.Search(Question, null).Answered);
    }

    [Fact]
    public void Swap_WhileASearchHoldsTheOldBuild_TheNextSearchGetsTheNew_AndTheOldIsDisposedWhenTheSearchEnds()
    {
        var old = Learned();
        _indexes.Swap("alingsas", old);
        var holding = _indexes.Acquire("alingsas");
        var next = Learned();

        _indexes.Swap("alingsas", next);

        using (var after = _indexes.Acquire("alingsas"))
        {
            Assert.Same(next, after.Index);
        }

        Assert.False(old.IsDisposed);
        Assert.True(new GuidanceSearch(holding.Index).Search(Question, null).Answered);
        holding.Dispose();
        Assert.True(old.IsDisposed);
        Assert.False(next.IsDisposed);
    }

    [Fact]
    public void Swap_ToNone_TheOrganisationIsBackOnTheCorpus_AndItsBuildIsDisposed()
    {
        var old = Learned();
        _indexes.Swap("alingsas", old);

        _indexes.Swap("alingsas", null);

        using var lease = _indexes.Acquire("alingsas");
        Assert.Same(_corpus, lease.Index);
        Assert.True(old.IsDisposed);
        Assert.False(_corpus.IsDisposed);
    }

    private GuidanceIndex Learned()
    {
        var passage = _corpus.Passages.First(p => p.Municipality == "alingsas" && p.Text.Contains("vara förberedd på hur hotfulla situationer", StringComparison.Ordinal));
        return _corpus.WithLearned(new Dictionary<string, IReadOnlyList<string>> { [passage.Id] = [Question] });
    }
}
