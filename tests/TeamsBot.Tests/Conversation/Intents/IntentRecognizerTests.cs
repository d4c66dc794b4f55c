namespace Trygg.Conversation.Intents;

public sealed class IntentRecognizerTests
{
    [Theory]
    [InlineData("hej")]
    [InlineData("Hej!")]
    [InlineData("  HEJSAN  ")]
    [InlineData("hjälp")]
    [InlineData("hjalp")]
    [InlineData("Hjälp?")]
    [InlineData("help")]
    [InlineData("Hello")]
    [InlineData("hallå där")]
    [InlineData("halla dar")]
    [InlineData("vad kan du göra?")]
    [InlineData("kan du hjälpa mig?")]
    [InlineData("visa menyn")]
    [InlineData("what can you do?")]
    [InlineData("")]
    [InlineData(null)]
    public void Recognize_GreetingsAndHelp_AreHelp(string? text)
    {
        Assert.Equal(Intent.Help, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("hjälp någon slår mig")]
    [InlineData("hej, någon står utanför mitt hus")]
    [InlineData("han står utanför mitt hus")]
    [InlineData("han har en kniv")]
    [InlineData("det brinner")]
    [InlineData("hjalp nan foljer efter mig")]
    [InlineData("ngn star utanfor o skriker")]
    [InlineData("någon försöker bryta sig in just nu")]
    [InlineData("jag blir attackerad")]
    [InlineData("someone is following me right now")]
    [InlineData("help me, he is hitting me")]
    [InlineData("there's a man outside my house")]
    [InlineData("I'm being followed")]
    public void Recognize_DangerNow_IsAcute(string text)
    {
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("hjälp, jag blir hotad")]
    [InlineData("han hotar att skjuta mig nu")]
    [InlineData("vad ska jag göra, han har en kniv")]
    public void Recognize_WhenInDoubt_IsAcute(string text)
    {
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("jag har blivit hotad")]
    [InlineData("jag blev hotad igår")]
    [InlineData("nathat pa insta")]
    [InlineData("någon vet var jag bor")]
    [InlineData("min dotter har fått hot för att jag är politiker")]
    [InlineData("hej, jag fick ett hotfullt mejl igår")]
    [InlineData("fick dödshot i kommentarerna")]
    [InlineData("jag blev trakaserad efter sammanträdet")]
    [InlineData("någon punkterade mina däck utanför kommunhuset igår")]
    [InlineData("de har publicerat min adress")]
    [InlineData("en byggherre försökte muta mig")]
    [InlineData("rapportera")]
    [InlineData("I was threatened")]
    [InlineData("someone posted my home address online")]
    [InlineData("my son got threats because of my politics")]
    [InlineData("a developer offered me a bribe")]
    [InlineData("report")]
    public void Recognize_SomethingHappened_IsReport(string text)
    {
        Assert.Equal(Intent.Report, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("hur polisanmäler jag?")]
    [InlineData("vad är åtkomstskydd")]
    [InlineData("vem ansvarar för min säkerhet")]
    [InlineData("vad gör jag om jag blir hotad?")]
    [InlineData("vad gör jag om någon står utanför mitt hus?")]
    [InlineData("can I get protection")]
    [InlineData("what should I do if someone threatens me")]
    public void Recognize_AskingHowWhatWho_IsQuestion(string text)
    {
        Assert.Equal(Intent.Question, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("när är nästa utbildning?")]
    [InlineData("politikerhandboken")]
    [InlineData("jag vill boka ett säkerhetssamtal")]
    [InlineData("anmäla mig till kursen om personlig säkerhet")]
    [InlineData("when is the next security training")]
    public void Recognize_Training_IsTraining(string text)
    {
        Assert.Equal(Intent.Training, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("mina rapporter")]
    [InlineData("mina arenden")]
    [InlineData("status på min anmälan")]
    [InlineData("har säkerhetsenheten läst min rapport om hotbrevet?")]
    [InlineData("my reports")]
    [InlineData("what happened to the threat I reported?")]
    public void Recognize_OwnReports_IsMyReports(string text)
    {
        Assert.Equal(Intent.MyReports, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("vi har ett känsligt beslut på fullmäktige nästa vecka")]
    [InlineData("sammanträde med mycket publik")]
    [InlineData("fullmaktige imorgon, kansligt arende")]
    [InlineData("upcoming council meeting may get heated")]
    public void Recognize_MeetingAhead_IsMeeting(string text)
    {
        Assert.Equal(Intent.Meeting, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("vad blir det för väder")]
    [InlineData("jag bor på hotell")]
    [InlineData("när är nästa val")]
    [InlineData("can you book a meeting room for me")]
    public void Recognize_Unrelated_IsOther(string text)
    {
        Assert.Equal(Intent.Other, IntentRecognizer.Recognize(text));
    }

    [Fact]
    public void Normalize_PunctuationAndEmoji_SeparateOrJoinWords()
    {
        Assert.Equal("hej någon står utanför", IntentRecognizer.Normalize("Hej,någon STÅR utanför!! 😱"));
        Assert.Equal("wont fbsida", IntentRecognizer.Normalize("won't fb-sida"));
    }

    [Fact]
    public void Fold_SwedishAndOtherAccents_AreRemoved()
    {
        Assert.Equal("hjalp o cafe", IntentRecognizer.Fold("hjälp ö café"));
    }

    [Theory]
    [InlineData("vem ska jag ringa")] // contact, in members' own words
    [InlineData("nummer till jouren")]
    [InlineData("vem kan hjälpa mig")]
    [InlineData("vart vänder jag mig")]
    [InlineData("who can help me?")]
    public void Recognize_ContactInOwnWords_IsContact(string text)
    {
        Assert.Equal(Intent.Contact, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("what can you do")] // help
    [InlineData("vad kan jag använda dig till?")]
    [InlineData("hur använder jag boten")]
    [InlineData("how do I use this?")]
    public void Recognize_HelpInOwnWords_IsHelp(string text)
    {
        Assert.Equal(Intent.Help, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("har jag gått utbildningen")] // training
    [InlineData("har jag gjort kursen?")]
    [InlineData("did I finish the security training")]
    public void Recognize_TrainingInOwnWords_IsTraining(string text)
    {
        Assert.Equal(Intent.Training, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("mina ärenden")] // my reports
    [InlineData("vad hände med min anmälan")]
    [InlineData("vad hände med rapporten om klottret")]
    [InlineData("hur går det med ärendet jag skickade")]
    [InlineData("vilka händelser har jag rapporterat")]
    [InlineData("any news on the report I sent?")]
    [InlineData("list everything I've reported")]
    public void Recognize_MyReportsInOwnWords_IsMyReports(string text)
    {
        Assert.Equal(Intent.MyReports, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("vi har ett känsligt möte på torsdag")] // a meeting ahead
    [InlineData("nästa fullmäktige blir nog stökigt, kan ni vara beredda?")]
    [InlineData("heads up: the board votes on the shelter next week and people are angry")]
    public void Recognize_MeetingInOwnWords_IsMeeting(string text)
    {
        Assert.Equal(Intent.Meeting, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("en man filmade mig på mötet igår")] // someone did something to the member, in no word of harm
    [InlineData("någon ringde mig i förrgår och frågade var jag bor, vad gör jag?")]
    [InlineData("a guy followed me to my car after the hearing last week, what should I do?")]
    public void Recognize_SomethingDoneToTheMember_IsToldOrReport(string text)
    {
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Told, Intent.Report });
    }

    [Theory]
    [InlineData("blev kallad luder i kommentarerna hela helgen")] // names and slurs
    [InlineData("got called a whore in my DMs again")]
    [InlineData("en okänd sa till min pappa att jag ska få sota för beslutet")] // a veiled threat, passed on
    [InlineData("the note on my car said step down or else")]
    [InlineData("fick ett brev utan avsändare där det stod att jag borde avgå")] // no name on it
    [InlineData("hittade ett dött djur i brevlådan i morse")]
    [InlineData("jag fick ett sms där de hotar att sprida mitt nummer om jag inte röstar nej, vad ska jag göra?")] // a demand, not a hypothetical
    public void Recognize_ThreatOrAbuseToldInOwnWords_IsReportOrTold(string text)
    {
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Report, Intent.Told });
    }

    [Theory]
    [InlineData("vad kostar det att anlita ett ombud?")] // "kostar" is not "kastar"
    [InlineData("kan jag skriva på facebook att jag står på torget och delar flygblad idag?")] // the member's own whereabouts
    [InlineData("is it true that threats rise in election years?")] // a generality, not a past event
    public void Recognize_QuestionWithoutAnythingTold_GoesToTheGuidance(string text)
    {
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Question, Intent.Other });
    }

    [Theory]
    [InlineData("vem har hand om säkerheten i partiet?")]
    [InlineData("who handles security for our group?")]
    public void Recognize_WhoHandlesIt_IsContact(string text)
    {
        Assert.Equal(Intent.Contact, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("inför nästa nämnd: kan ni förbereda er, skolnedläggningen väcker känslor")] // asked to prepare
    [InlineData("heads up, next week I'm meeting the neighbours about the mast, some of them were aggressive last time")]
    public void Recognize_MeetingHeadsUp_IsMeeting(string text)
    {
        Assert.Equal(Intent.Meeting, IntentRecognizer.Recognize(text));
    }

    [Fact]
    public void Recognize_TheBotsNameMistyped_IsHelp()
    {
        Assert.Equal(Intent.Help, IntentRecognizer.Recognize("hur använder man tryg"));
    }
}
