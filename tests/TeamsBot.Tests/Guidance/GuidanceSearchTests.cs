namespace Trygg.Guidance;

public sealed class GuidanceSearchTests : IDisposable
{
    private readonly GuidanceIndex _index = new(GuidanceCorpus.Load(Path.Combine(AppContext.BaseDirectory, "Guidance", "TestCorpus")));

    private GuidanceSearch Search => new(_index);

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Search_CommonQuestionSeveralPassagesAnswer_SuggestsUpToFourChoices()
    {
        using var index = new GuidanceIndex(GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath));

        var answer = new GuidanceSearch(index).Search("vad gör jag om någon hotar mig?", municipality: null);

        Assert.Equal(GuidanceMode.Suggest, answer.Mode);
        Assert.Equal(GuidanceSearch.MaxSuggestions, answer.Hits.Count);
        Assert.Equal(4, GuidanceSearch.MaxSuggestions);
    }

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
    public void Search_QuerySyntaxInQuestion_IsReadAsWords()
    {
        var syntax = Search.Search("polisanmäl* AND (hot OR \"våld\"~2) -stöd [a TO z] \\", municipality: null);
        var words = Search.Search("polisanmäl hot våld 2 stöd a z", municipality: null);

        Assert.Equal(words.Answered, syntax.Answered);
        Assert.Equal(Search.Rank(_index.Analyze("polisanmäl hot våld 2 stöd a z"), null, 3).Select(h => h.Ordinal), Search.Rank(_index.Analyze("polisanmäl* AND (hot OR \"våld\"~2) -stöd [a TO z] \\"), null, 3).Select(h => h.Ordinal));
        Assert.Equal(words.Confidence, syntax.Confidence, precision: 6);
    }

    [Theory]
    [InlineData("polisanmala hotet", "polisanmäla hotet")]
    [InlineData("sakerhetsansvarig", "säkerhetsansvarig")]
    [InlineData("skarmdumpar som bevis", "skärmdumpar som bevis")]
    [InlineData("SÄKERHETSANSVARIG", "säkerhetsansvarig")]
    public void Analyze_WithoutDiacritics_ReadsAsTheGuidanceWritesIt(string typed, string written) =>
        Assert.Equal(Words(_index.Analyze(written)), Words(_index.Analyze(typed)));

    [Theory]
    [InlineData("sakerhetsansvarg", "säkerhetsansvarig")] // a letter missing
    [InlineData("skärmdumpra", "skärmdumpar")] // two letters swapped
    public void Analyze_OneTypo_InALongWord_IsForgiven(string typed, string written) =>
        Assert.Equal(Words(_index.Analyze(written)), Words(_index.Analyze(typed)));

    [Theory]
    [InlineData("how do I report a threat to the police", "Polisanmäl alltid")]
    [InlineData("hotmejlet, ska det polisanmälas?", "Polisanmäl alltid")] // a compound the text never uses
    [InlineData("can I get crisis support", "krisstöd")]
    public void Search_EnglishAndCompounds_ReachTheSwedishText(string question, string expected)
    {
        var answer = Search.Search(question, municipality: null);

        Assert.NotEqual(GuidanceMode.None, answer.Mode); // answered, or the first suggestion
        Assert.Contains(expected, answer.Hits[0].Passage.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ska jag polisanmäla hotet mot min katt")] // one word the guidance never uses
    [InlineData("hur polisanmäler jag en parkeringsbot")]
    public void Search_AWordTheGuidanceNeverUses_IsNotAnswered_EvenIfTheRestMatches(string question)
    {
        var answer = Search.Search(question, municipality: null);

        Assert.False(answer.Answered);
        Assert.True(answer.UnknownWords > 0);
        Assert.NotEmpty(Search.Rank(_index.Analyze(question), null, 3)); // there were passages; the bot still says it does not know
    }

    [Theory]
    [InlineData("ska jag polisanmäla hotet fast det känns konstigt", "Polisanmäl alltid")]
    [InlineData("ska jag polisanmala hotet innan det blir varre", "Polisanmäl alltid")]
    [InlineData("should I report the threat to the police even though it feels strange", "Polisanmäl alltid")]
    [InlineData("ska jag ärligt polisanmäla hotet fast det känns överdrivet", "Polisanmäl alltid")] // judging, not naming
    [InlineData("ska jag polisanmala det jattedumma hotet", "Polisanmäl alltid")] // "jätte" in front of an everyday word
    [InlineData("should I report the threat to the police, i dont want to be rude", "Polisanmäl alltid")]
    public void Search_EverydayWordsTheGuidanceNeverUses_DoNotStopTheAnswer(string question, string expected)
    {
        var answer = Search.Search(question, municipality: null);

        Assert.True(answer.Answered, question);
        Assert.Contains(expected, answer.Hits[0].Passage.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ska jag polisanmäla hotet mot min katt nu")] // the cat is the topic; "nu" does not make it less so
    [InlineData("ska jag polisanmäla nästa hot också")] // a time word stays a possible topic
    [InlineData("ska jag polisanmäla det otrevliga hotet mot min katt")] // a judging word does not hide the topic
    public void Search_EverydayWordsBesideAnUnknownTopic_AreStillNotAnswered(string question)
    {
        Assert.False(Search.Search(question, municipality: null).Answered);
    }

    [Fact]
    public void Search_KnownWordsButLittleOfTheQuestionInOnePassage_IsNotAnswered()
    {
        // Every word is in the guidance, but no passage holds more than a small part of the question.
        var answer = Search.Search("konto förskolan utredare krisstöd tränar", municipality: null);

        Assert.Equal(0, answer.UnknownWords);
        Assert.True(answer.Confidence < GuidanceSearch.MinCoverage, $"coverage {answer.Confidence}");
        Assert.False(answer.Answered);
    }

    [Fact]
    public void Band_ClearAndWellAhead_Answers_CloseRunnerUp_Suggests_WeakOrElsewhere_None()
    {
        var clear = new AnswerEvidence(Coverage: 0.9, MatchedInformation: 12, Matched: 3, Words: 3, Unknown: 0, TopScore: 25, Gap: 2.5f);

        Assert.Equal(GuidanceMode.Answer, GuidanceSearch.Band(clear));
        Assert.Equal(GuidanceMode.Suggest, GuidanceSearch.Band(clear with { Gap = 1.2f })); // two passages too close to tell apart
        Assert.Equal(GuidanceMode.Suggest, GuidanceSearch.Band(clear with { Matched = 1, Words = 1 })); // one word, no close known question
        Assert.Equal(GuidanceMode.Answer, GuidanceSearch.Band(clear with { Matched = 1, Words = 1 } with { Asked = 0.9 })); // one word a known question says
        Assert.Equal(GuidanceMode.Suggest, GuidanceSearch.Band(clear with { UnknownToQuestions = 1, Asked = 0.3 })); // a word nothing uses
        Assert.Equal(GuidanceMode.Suggest, GuidanceSearch.Band(clear with { Coverage = 0.2, MatchedInformation = 3, TopScore = 9.5f })); // weak but close
        Assert.Equal(GuidanceMode.None, GuidanceSearch.Band(clear with { Coverage = 0.2, MatchedInformation = 3, TopScore = 8f })); // nothing close
        Assert.Equal(GuidanceMode.None, GuidanceSearch.Band(clear with { Elsewhere = 1 })); // another municipality's routine
        Assert.Equal(GuidanceMode.Suggest, GuidanceSearch.Band(clear with { Gap = float.PositiveInfinity, Matched = 1, Words = 1 })); // still needs two words or a known question
    }

    [Fact]
    public void Band_HalfTheWordsUnheardOf_NoneInsteadOfSuggestions()
    {
        // "får jag bära pepparsprej i väskan för att skydda mig": only "skydda" is a word the guidance uses.
        var pepper = new AnswerEvidence(Coverage: 0.42, MatchedInformation: 4.2, Matched: 1, Words: 3, Unknown: 2, TopScore: 10.9f, Gap: 1.2f) { UnknownToQuestions = 2 };

        Assert.Equal(GuidanceMode.None, GuidanceSearch.Band(pepper));
        Assert.Equal(GuidanceMode.Suggest, GuidanceSearch.Band(pepper with { Words = 5 } with { UnknownToQuestions = 2 })); // under half: still choices
        Assert.Equal(GuidanceMode.Suggest, GuidanceSearch.Band(pepper with { UnknownToQuestions = 0 })); // odd words the known questions use are no topic of their own
    }

    [Fact]
    public void TopicMayAnswer_OnlyWhenAKnownQuestionSaysItAndEveryWordIsKnown()
    {
        // "hur polisanmäler jag?": one word, a known question that says it, three passages too close to tell apart.
        var police = new AnswerEvidence(Coverage: 1, MatchedInformation: 2.8, Matched: 1, Words: 1, Unknown: 0, TopScore: 8, Gap: 1.08f) { Asked = 1 };

        Assert.Equal(GuidanceMode.Suggest, GuidanceSearch.Band(police));
        Assert.True(GuidanceSearch.TopicMayAnswer(police));
        Assert.False(GuidanceSearch.TopicMayAnswer(police with { Asked = 0.7 })); // shared words, no known question close enough
        Assert.False(GuidanceSearch.TopicMayAnswer(police with { Words = 2, Unknown = 1 })); // a word the guidance never uses
        Assert.False(GuidanceSearch.TopicMayAnswer(police with { Gap = 2 })); // clear enough to answer on its own
    }

    [Theory]
    [InlineData("får jag bära pepparsprej i väskan för att skydda mig")]
    [InlineData("Hur ansöker jag om kontaktförbud mot en man som förföljer mig?")]
    public void Search_TopicInWordsTheGuidanceNeverUses_None(string question)
    {
        using var index = new GuidanceIndex(GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath));

        Assert.Equal(GuidanceMode.None, new GuidanceSearch(index).Search(question, municipality: null).Mode);
    }

    [Fact]
    public void Search_Suggest_HitsAreTheRankingBestFirst_AndAnsweredIsFalse()
    {
        var answer = Search.Search("hotmejlet, ska det polisanmälas?", municipality: null);

        Assert.Equal(GuidanceMode.Suggest, answer.Mode);
        Assert.False(answer.Answered);
        Assert.Equal(Search.Rank(_index.Analyze("hotmejlet, ska det polisanmälas?"), null, 3).Select(h => h.Ordinal), answer.Hits.Select(h => h.Ordinal));
    }

    [Fact]
    public void Search_ConfidentAnswerWhosePassageWasRejectedForTheQuestion_IsNoLongerAnswered_AndNeverShown()
    {
        const string Question = "ska jag polisanmala hotet?";
        var answered = Search.Search(Question, municipality: null);
        Assert.Equal(GuidanceMode.Answer, answered.Mode);
        var rejected = answered.Hits[0].Passage.Id;

        var after = Search.Search(Question, municipality: null, excluded: p => p.Id == rejected);

        Assert.NotEqual(GuidanceMode.Answer, after.Mode);
        Assert.DoesNotContain(after.Hits, h => h.Passage.Id == rejected);
    }

    [Fact]
    public void Search_Suggest_SkipsExcludedPassages_AndSaysNoneWhenAllAre()
    {
        var all = Search.Search("hotmejlet, ska det polisanmälas?", municipality: null);

        var without = Search.Search("hotmejlet, ska det polisanmälas?", municipality: null, excluded: p => p.Id == all.Hits[0].Passage.Id);
        var none = Search.Search("hotmejlet, ska det polisanmälas?", municipality: null, excluded: _ => true);

        Assert.DoesNotContain(without.Hits, h => h.Passage.Id == all.Hits[0].Passage.Id);
        Assert.Equal(
            Search.Rank(_index.Analyze("hotmejlet, ska det polisanmälas?"), null, 20).Where(h => h.Passage.Id != all.Hits[0].Passage.Id).Take(3).Select(h => h.Ordinal),
            without.Hits.Select(h => h.Ordinal));
        Assert.Equal(GuidanceMode.None, none.Mode);
        Assert.Empty(none.Hits);
    }

    [Fact]
    public void Decide_UnknownWord_AnsweredOnlyWhenTheRestIsClearlyUnderstood()
    {
        var clear = new AnswerEvidence(Coverage: 0.7, MatchedInformation: 12, Matched: 4, Words: 5, Unknown: 1, TopScore: 20, Gap: 2);

        Assert.True(GuidanceSearch.Decide(clear)); // "får jag ta med en kompis på förhöret hos polisen"
        Assert.False(GuidanceSearch.Decide(clear with { Matched = 1, Unknown = 1 })); // as much unknown as understood
        Assert.False(GuidanceSearch.Decide(clear with { MatchedInformation = 4 })); // only common words matched
        Assert.False(GuidanceSearch.Decide(clear with { TopScore = 8 })); // no passage stands out
        Assert.False(GuidanceSearch.Decide(clear with { Elsewhere = 1 })); // about a municipality without a document
    }

    [Theory]
    [InlineData("måste jag gå till snuten", "Polisanmäl alltid")]
    [InlineData("finns det nån att snacka med", "samtalsstöd")]
    public void Search_WordsOnlyAKnownQuestionUses_FindTheirPassageFirst(string question, string expected)
    {
        var answer = Search.Search(question, municipality: null);

        Assert.NotEqual(GuidanceMode.None, answer.Mode); // in this small corpus the next passage scores close: a suggestion
        Assert.Contains(expected, answer.Hits[0].Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_WithoutTheKnownQuestions_TheSameWordsFindNothing()
    {
        using var bare = new GuidanceIndex([.. _index.Passages.Select(p => p with { Questions = [] })]);

        Assert.False(new GuidanceSearch(bare).Search("finns det nån att snacka med", municipality: null).Answered);
    }

    [Fact]
    public void Decide_AKnownQuestionSaysWhatWasAsked_Answers_OnlyWhenEveryWordIsKnown()
    {
        var weak = new AnswerEvidence(Coverage: 0.2, MatchedInformation: 2, Matched: 1, Words: 3, Unknown: 2, TopScore: 4, Gap: 1) { Asked = GuidanceSearch.MinAsked };

        Assert.True(GuidanceSearch.Decide(weak)); // the guidance's text says it in other words
        Assert.False(GuidanceSearch.Decide(weak with { Asked = GuidanceSearch.MinAsked - 0.01 }));
        Assert.False(GuidanceSearch.Decide(weak with { UnknownToQuestions = 1 }));
    }

    [Fact]
    public void Decide_AWordNeitherTheTextNorAnyKnownQuestionUses_NeedsMoreMatchedInformation()
    {
        // "var kan jag parkera när jag ska på kf-möte": the meeting is well covered, parking is the topic.
        var parking = new AnswerEvidence(Coverage: 0.68, MatchedInformation: 6.1, Matched: 2, Words: 3, Unknown: 1, TopScore: 13.4f, Gap: 1.2f) { UnknownToQuestions = 1 };

        Assert.False(GuidanceSearch.Decide(parking));
        Assert.True(GuidanceSearch.Decide(parking with { UnknownToQuestions = 0 }));
        Assert.True(GuidanceSearch.Decide(parking with { MatchedInformation = GuidanceSearch.MinInformationWhenUnheardOf }));
    }

    [Fact]
    public void Decide_AllWordsKnown_CoverageDecides_ALowerShareOnlyWithAStrongMatch()
    {
        var known = new AnswerEvidence(Coverage: GuidanceSearch.MinCoverage, MatchedInformation: 3, Matched: 1, Words: 2, Unknown: 0, TopScore: 5, Gap: 1);

        Assert.True(GuidanceSearch.Decide(known));
        Assert.False(GuidanceSearch.Decide(known with { Coverage = GuidanceSearch.MinCoverage - 0.01 }));
        Assert.True(GuidanceSearch.Decide(known with { Coverage = 0.35, MatchedInformation = 8, TopScore = 15 }));
        Assert.False(GuidanceSearch.Decide(known with { Coverage = 0.25, MatchedInformation = 8, TopScore = 15 }));
        Assert.False(GuidanceSearch.Decide(known with { Matched = 0 }));
    }

    [Fact]
    public void Analyze_PlaceWithoutADocument_IsElsewhere_OneWithADocumentIsSearched()
    {
        var query = _index.Analyze("finns det en rutin om hot i malmö");

        Assert.Equal(1, query.ElsewhereCount);
        Assert.False(Search.Search("finns det en rutin om hot i Malmö", municipality: null).Answered);
    }

    [Fact]
    public void Analyze_TypoInTheFirstLetter_IsNotCorrected()
    {
        // "straffet" is one edit from "träffen"'s stem only by dropping its first letter: a different word.
        using var index = new GuidanceIndex([new GuidancePassage("d.txt", "T", "P", "2024", "", "", "Träffar", "Vid träffen talar vi om hot.")]);
        var query = index.Analyze("straffet");

        Assert.False(Assert.Single(query.Words).Known);
    }

    [Fact]
    public void Analyze_VerbAndItsNounInAn_MeetEachOther()
    {
        using var index = new GuidanceIndex([new GuidancePassage("d.txt", "T", "P", "2024", "", "", "Anmälan", "Hot ska polisanmälas. Gör en polisanmälan via 114 14.")]);

        var word = Assert.Single(index.Analyze("hur polisanmäler jag").Words);

        Assert.Contains("polisanmäl", word.Terms);
        Assert.Contains("polisanmälan", word.Terms);
    }

    [Fact]
    public void Analyze_InflectionTheLexiconDoesNotList_IsLookedUpByItsStem()
    {
        // The lexicon lists "journalister"; "journalisterna" reaches the same words of the guidance.
        var written = Assert.Single(_index.Analyze("journalister").Words);
        var inflected = Assert.Single(_index.Analyze("journalisterna").Words);

        Assert.NotEmpty(written.All);
        Assert.Equal(written.All, inflected.All);
    }

    [Fact]
    public void Analyze_WordTheGuidanceNeverUses_IsUnknown()
    {
        var query = _index.Analyze("var kan jag parkera bilen");

        Assert.Equal(["parkera", "bilen"], query.Words.Where(w => !w.Known).Select(w => w.Text));
    }

    [Fact]
    public void Search_MembersMunicipality_LiftsItsDocumentsOnly()
    {
        const string Question = "ska jag ha ett separat konto och polisanmäla hot";

        var neutral = Search.Rank(_index.Analyze(Question), municipality: null, 10);
        var member = Search.Rank(_index.Analyze(Question), municipality: "TESTKOMMUN", 10);

        float Score(IReadOnlyList<GuidanceHit> hits, string doc) => hits.First(h => h.Passage.DocumentId == doc).Score;
        Assert.True(Score(member, "testkommun-rutin.txt") > Score(neutral, "testkommun-rutin.txt"));
        Assert.Equal(Score(neutral, "annan-stad.txt"), Score(member, "annan-stad.txt"), precision: 4);
    }

    private static List<string> Words(GuidanceQuery query) =>
        [.. query.Words.Select(w => string.Join('|', w.All.Order(StringComparer.Ordinal)))];

    [Fact]
    public void Search_MaxOne_ReturnsOneHit()
    {
        var answer = Search.Search("hot säkerhetsansvarig polisanmälan stöd", municipality: null, max: 1);

        Assert.Single(answer.Hits);
    }
}
