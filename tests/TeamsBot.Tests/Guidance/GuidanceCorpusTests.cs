namespace Trygg.Guidance;

public sealed class GuidanceCorpusTests
{
    private static string TestCorpus => Path.Combine(AppContext.BaseDirectory, "Guidance", "TestCorpus");

    [Fact]
    public void Load_TestCorpus_ReadsHeaderIntoEveryPassage()
    {
        var passages = GuidanceCorpus.Load(TestCorpus);

        var rutin = passages.Where(p => p.DocumentId == "testkommun-rutin.txt").ToList();
        Assert.NotEmpty(rutin);
        Assert.All(rutin, p =>
        {
            Assert.Equal("Rutin vid hot mot förtroendevalda", p.Title);
            Assert.Equal("Testkommun", p.Publisher);
            Assert.Equal("2024-01-01", p.Date);
            Assert.Equal("https://example.org/rutin", p.Source);
            Assert.Equal("Testkommun", p.Municipality);
        });
        Assert.All(passages.Where(p => p.DocumentId == "annan-stad.txt"), p => Assert.Empty(p.Municipality));
    }

    [Fact]
    public void Parse_Headings_GiveTheSectionPath()
    {
        var passages = GuidanceCorpus.Load(TestCorpus);

        var police = Assert.Single(passages, p => p.Text.Contains("Polisanmäl alltid", StringComparison.Ordinal));
        Assert.Equal("Rutin vid hot mot förtroendevalda > Polisanmälan", police.Section);
    }

    [Fact]
    public void Parse_BulletList_StaysWithItsLeadIn()
    {
        var passages = GuidanceCorpus.Load(TestCorpus);

        var contact = Assert.Single(passages, p => p.Text.Contains("Kontakta säkerhetsansvarig:", StringComparison.Ordinal));
        Assert.Contains("- om du har blivit hotad", contact.Text, StringComparison.Ordinal);
        Assert.Contains("- före ett möte", contact.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShortSentencesMerge_WholeParagraphsStandAlone()
    {
        var whole = "Ett helt stycke som säger något på egen hand, med mer än åttio tecken, och som slutar med en punkt.";
        var passages = GuidanceCorpus.Parse("doc.txt", $"title: T\n---\n# Rubrik\n\nKort stycke.\n\nÄnnu ett.\n\n{whole}\n\n{whole}\n");

        Assert.Equal(["Kort stycke.\nÄnnu ett.", whole, whole], passages.Select(p => p.Text));
    }

    [Fact]
    public void Parse_LeadIn_KeepsItsList_WholeAdviceItemsStandAlone()
    {
        var advice = "- Skapa separata konton för dig som offentlig person och håll dem avskilda från dina privata konton på nätet.";
        var passages = GuidanceCorpus.Parse("doc.txt", $"title: T\n---\n# Råd\n\nNotera:\n- tidpunkt\n- bakgrundsljud\n{advice}\n{advice}\n- kort råd\n");

        Assert.Equal(["Notera:\n- tidpunkt\n- bakgrundsljud", advice, advice, "- kort råd"], passages.Select(p => p.Text));
    }

    [Fact]
    public void Parse_LongList_IsCutAtTheMaximum()
    {
        var items = string.Join("\n", Enumerable.Range(1, 60).Select(i => $"- punkt nummer {i} i en lång lista"));

        var passages = GuidanceCorpus.Parse("doc.txt", $"title: T\n---\n# Lista\n\n{items}\n");

        Assert.True(passages.Count > 1);
        Assert.All(passages, p => Assert.InRange(p.Text.Length, 1, GuidanceCorpus.MaxPassage));
    }

    [Fact]
    public void Parse_FirstPassageUnderAHeading_OpensTheSection()
    {
        var whole = "Ett helt stycke som säger något på egen hand, med mer än åttio tecken, och som slutar med en punkt.";
        var passages = GuidanceCorpus.Parse("doc.txt", $"title: T\n---\n# A\n\n{whole}\n\n{whole}\n\n## B\n\n{whole}\n");

        Assert.Equal([true, false, true], passages.Select(p => p.OpensSection));
    }

    [Fact]
    public void Parse_NewHeading_EndsThePassage()
    {
        var passages = GuidanceCorpus.Parse("doc.txt", "title: T\n---\n# A\n\nett\n\n## B\n\ntvå\n\n# C\n\ntre\n");

        Assert.Equal(["A", "A > B", "C"], passages.Select(p => p.Section));
        Assert.Equal(["ett", "två", "tre"], passages.Select(p => p.Text));
    }

    [Fact]
    public void Load_ShippedCorpus_PassagesAreShortEnoughToShow()
    {
        var passages = GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath);

        Assert.Equal(5, passages.Select(p => p.DocumentId).Distinct().Count());
        Assert.All(passages, p => Assert.False(string.IsNullOrWhiteSpace(p.Title), p.DocumentId));
        var lengths = passages.Select(p => p.Text.Length).Order().ToList();
        var median = lengths[lengths.Count / 2];
        Assert.True(median is >= 100 and <= GuidanceCorpus.MaxPassage, $"median passage length {median}");
        Assert.True(lengths.Count(l => l > 1500) <= 2, $"passages over 1500 characters: {lengths.Count(l => l > 1500)} (max {lengths[^1]})");
    }

    [Fact]
    public void Load_MissingFolder_NamesTheSetting()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => GuidanceCorpus.Load("/no/such/corpus"));
        Assert.Contains("Guidance:CorpusPath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithQuestions_AttachesEachBlockToThePassageItQuotes_IgnoringCaseAndSpacing()
    {
        var passages = GuidanceCorpus.Parse("doc.txt", "title: T\n---\n# A\n\nPolisanmäl alltid hot och våld mot dig.\n\n# B\n\nSpara sms och skärmdumpar som bevis.\n");

        var with = GuidanceCorpus.WithQuestions(passages, "doc.questions", "# members ask\n>  polisanmäl  ALLTID hot\nmåste jag gå till polisen\nmust I report it\n\n> skärmdumpar som bevis\nvad ska jag spara\n");

        Assert.Equal(["måste jag gå till polisen", "must I report it"], with[0].Questions);
        Assert.Equal(["vad ska jag spara"], with[1].Questions);
        Assert.Equal(passages.Select(p => p.Id), with.Select(p => p.Id));
    }

    [Theory]
    [InlineData("> finns inte här\nfråga\n", "doc.questions line 1", "in 0 passages")]
    [InlineData("\n> med hot\nfråga\n", "doc.questions line 2", "in 2 passages")]
    [InlineData("en fråga utan citat\n", "doc.questions line 1", "before any quote")]
    public void WithQuestions_QuoteThatFitsNoSinglePassage_StopsTheLoadWithFileAndLine(string content, string where, string why)
    {
        var passages = GuidanceCorpus.Parse("doc.txt", "title: T\n---\n# A\n\nPolisanmäl alltid brott med hot mot dig.\n\n# B\n\nSpara sms med hot som bevis.\n");

        var e = Assert.Throws<InvalidDataException>(() => GuidanceCorpus.WithQuestions(passages, "doc.questions", content));

        Assert.Contains(where, e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithQuestions_PassageTheDocumentRepeats_GetsTheQuestionsInBothPlaces()
    {
        var passages = GuidanceCorpus.Parse("doc.txt", "title: T\n---\n# A\n\nKontakta partiets säkerhetsansvarig vid hot.\n\n# B\n\nKontakta partiets säkerhetsansvarig vid hot.\n");

        var with = GuidanceCorpus.WithQuestions(passages, "doc.questions", "> partiets säkerhetsansvarig\nvem i partiet ska jag ringa\n");

        Assert.All(with, p => Assert.Equal(["vem i partiet ska jag ringa"], p.Questions));
    }

    [Fact]
    public void Load_QuestionsFileNextToADocument_IsAttached_AndIsNotADocument()
    {
        var passages = GuidanceCorpus.Load(TestCorpus);

        Assert.DoesNotContain(passages, p => p.DocumentId.EndsWith(".questions", StringComparison.Ordinal));
        var police = Assert.Single(passages, p => p.Text.Contains("Polisanmäl alltid", StringComparison.Ordinal));
        Assert.Equal(["måste jag gå till snuten med det"], police.Questions);
    }
}
