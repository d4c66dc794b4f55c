namespace Trygg.Guidance;

public sealed class AskedDetailTests
{
    [Theory]
    [InlineData("vad är numret till stödtelefonen i gbg?", "Stödtelefon dygnet runt för dig som är ledamot.", false)]
    [InlineData("vilket nummer ringer jag om det inte är akut", "Ring 114 14 när det inte är akut.", true)]
    [InlineData("vad är numret till stödtelefonen", "Stödtelefonen är bemannad av staden 08.00-16.30 vardagar.", false)]
    [InlineData("whats the phone number for the police", "Ring 112 vid akut fara.", true)]
    [InlineData("brottsofferjourens nr?", "Brottsofferjouren, telefon 0200-21 20 19.", true)]
    [InlineData("vilken mejladress har funktionsbrevlådan?", "Rapportera via säkerhetsenhetens funktionsbrevlåda.", false)]
    [InlineData("what is the email address of the security unit", "Skriv till sakerhet@example.org.", true)]
    [InlineData("hur många fritidspolitiker finns det", "Den stora majoriteten, ca 1000 fritidspolitiker, omfattas inte.", true)]
    [InlineData("hur manga politiker hotas", "Var fjärde politiker har varit utsatt.", true)]
    [InlineData("hur lång tid tar det innan polisen utreder", "Polismyndigheten utreder brott och bedömer skyddsbehov.", false)]
    [InlineData("how long is my report kept", "Rapportera alltid händelsen till kommunen.", false)]
    [InlineData("hur polisanmäler jag?", "Polisanmäl alltid hot och våld.", true)]
    [InlineData("nån la ut min adress på fb, vad gör jag?", "Spara skärmdumpar som bevis.", true)]
    public void Holds_AQuestionForANumberAddressOrAmount_NeedsOneInThePassage(string question, string passage, bool holds) =>
        Assert.Equal(holds, AskedDetail.Holds(question, passage));

    [Fact]
    public void Decide_DetailTheTopPassageLacks_IsNotAnswered_HoweverStrongTheMatch()
    {
        var strong = new AnswerEvidence(Coverage: 1, MatchedInformation: 20, Matched: 3, Words: 3, Unknown: 0, TopScore: 40, Gap: 2) { Asked = 1 };

        Assert.True(GuidanceSearch.Decide(strong));
        Assert.False(GuidanceSearch.Decide(strong with { DetailHeld = false }));
    }
}
