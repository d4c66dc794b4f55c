namespace Trygg.Guidance;

public sealed class PassageTitleTests
{
    [Fact]
    public void Of_NumberedHeading_HeadingWithoutNumberAndTheFirstWords()
    {
        var passage = Passage("Rutin > 9. Vid en hot- eller våldssituation > 9.2 Polisanmälan och rapportering",
            "Om det inte rör sig om ett pågående brott kan du använda ett särskilt telefonnummer.");

        Assert.Equal("Polisanmälan och rapportering: Om det inte rör sig om ett pågående…", PassageTitle.Of(passage));
    }

    [Fact]
    public void Of_AList_ReadsItsItemsWithoutBullets()
    {
        var passage = Passage("Rutin > Vid hot via telefon", "- Lyssna uppmärksamt.\n- Notera:\n- tidpunkt och datum");

        Assert.Equal("Vid hot via telefon: Lyssna uppmärksamt. Notera: tidpunkt och…", PassageTitle.Of(passage));
    }

    [Fact]
    public void Of_AShortPassage_WholeAndWithoutEllipsis()
    {
        Assert.Equal("Förutsättningar: Nätverket är kostnadsfritt.", PassageTitle.Of(Passage("Nätverk > Förutsättningar", "Nätverket är kostnadsfritt.")));
    }

    [Fact]
    public void Of_EveryPassageOfTheCorpus_FitsOnAPhoneButton()
    {
        using var index = new GuidanceIndex(GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath));

        Assert.All(index.Passages, p =>
        {
            var title = PassageTitle.Of(p);
            Assert.InRange(title.Length, 10, p.Heading.Length + 2 + PassageTitle.FirstWordsLength + 1);
            Assert.DoesNotContain('\n', title);
            Assert.DoesNotContain(": - ", title, StringComparison.Ordinal); // no list bullet after the heading
        });
    }

    [Fact]
    public void Document_IsThePublisher() =>
        Assert.Equal("Alingsås kommun", PassageTitle.Document(Passage("A > B", "Text.")));

    private static GuidancePassage Passage(string section, string text) =>
        new("alingsas-rutin.txt", "Rutin", "Alingsås kommun", "2026", string.Empty, "alingsas", section, text);
}
