namespace Trygg.Guidance;

public sealed class GuidanceSearchTests : IDisposable
{
    private readonly GuidanceIndex _index = new(GuidanceCorpus.Load(Path.Combine(AppContext.BaseDirectory, "Guidance", "TestCorpus")));

    private GuidanceSearch Search => new(_index);

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("vad blir det för väder imorgon")]
    [InlineData("hur bokar jag en tvättid")]
    [InlineData("")]
    [InlineData("hur gör jag?")]
    public void Search_UnrelatedQuestion_IsNotAnswered(string question)
    {
        var answer = Search.Search(question, municipality: null);

        Assert.False(answer.Answered);
        Assert.Empty(answer.Hits);
    }

    [Theory]
    [InlineData("ska jag polisanmala hotet?", "Polisanmäl alltid")]
    [InlineData("vem ar sakerhetsansvarig i kommunen", "Kontakta säkerhetsansvarig")]
    [InlineData("how do I report a threat to the police", "Polisanmäl alltid")]
    [InlineData("vad ska jag spara som bevis", "skärmdumpar")]
    [InlineData("är det dumt att berätta var jag tränar", "var du tränar")]
    [InlineData("finns det samtalsstöd efter brottet", "samtalsstöd")]
    public void Search_CoveredQuestion_AnswersWithThePassageFirst(string question, string expected)
    {
        var answer = Search.Search(question, municipality: null);

        Assert.True(answer.Answered);
        Assert.Contains(expected, answer.Hits[0].Passage.Text, StringComparison.Ordinal);
        Assert.InRange(answer.Hits.Count, 1, 3);
        Assert.Equal(answer.Hits.OrderByDescending(h => h.Score).Select(h => h.Score), answer.Hits.Select(h => h.Score));
    }

    [Fact]
    public void Search_QuerySyntaxInQuestion_DoesNotThrow()
    {
        var answer = Search.Search("polis* AND (hot OR \"våld\"~2) -stöd [a TO z] \\", municipality: "Testkommun");

        Assert.True(answer.Answered);
    }

    [Fact]
    public void Search_MembersMunicipality_LiftsItsDocumentsOnly()
    {
        const string Question = "ska jag ha ett separat konto och polisanmäla hot";

        var neutral = Search.Search(Question, municipality: null).Hits;
        var member = Search.Search(Question, municipality: "TESTKOMMUN").Hits;

        float Score(IReadOnlyList<GuidanceHit> hits, string doc) => hits.First(h => h.Passage.DocumentId == doc).Score;
        Assert.True(Score(member, "testkommun-rutin.txt") > Score(neutral, "testkommun-rutin.txt"));
        Assert.Equal(Score(neutral, "annan-stad.txt"), Score(member, "annan-stad.txt"), precision: 4);
    }

    [Fact]
    public void Search_MaxOne_ReturnsOneHit()
    {
        var answer = Search.Search("hot säkerhetsansvarig polisanmälan stöd", municipality: null, max: 1);

        Assert.Single(answer.Hits);
    }
}
