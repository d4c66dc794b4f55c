namespace Trygg.Conversation.Intents;

/// <summary>
/// Danger by kind, each in Swedish, Swedish typed without å/ä/ö or with typos, and English. None of these sentences is in
/// the lexicon as a phrase: the kinds combine word classes with time.
/// </summary>
public sealed class DangerReadingTests
{
    [Theory]
    [InlineData("han kommer uppför trappan nu")] // presence
    [InlineData("det står en man i vår trädgård")]
    [InlineData("det star en man i var tradgard")]
    [InlineData("there is a guy at my door and he won't leave")]
    [InlineData("de väntar på mig vid bilen")]
    [InlineData("en bil följer efter mig sen jag åkte hemifrån")] // pursuit
    [InlineData("nan foljer efter mig")]
    [InlineData("en skåpbil har kört bakom mig ända från jobbet och nu står den utanför")] // pursuit by a vehicle
    [InlineData("samma bil har kort bakom mig hela vagen hem")]
    [InlineData("someone has been walking behind me for ten minutes")]
    [InlineData("jag blöder från huvudet, han slog ner mig utanför kommunhuset")] // injury
    [InlineData("jag blev precis nerslagen utanfor stadshuset och bloder")]
    [InlineData("I was just knocked down outside the town hall and I'm bleeding")]
    [InlineData("han har ett basebollträ i handen")] // weapons
    [InlineData("han har en pistoll")]
    [InlineData("a man with a knife is in the lobby")]
    [InlineData("det luktar bensin vid ytterdörren och jag hör någon på baksidan")] // fire
    [InlineData("det luktar bensin vid ytterdorren")]
    [InlineData("I smell petrol at my front door")]
    [InlineData("någon försöker bända upp altandörren")] // intrusion
    [InlineData("nagon forsoker oppna dorren")]
    [InlineData("someone is trying to get into my flat")]
    [InlineData("jag har låst in mig på toaletten, han går i korridoren")] // hiding
    [InlineData("gomt mig i ett forrad")]
    [InlineData("I'm hiding under the desk")]
    [InlineData("fick ett sms: ikväll kommer vi hem till dig")] // a threat for tonight
    [InlineData("de skrev att de ses ikvall hos mig")]
    [InlineData("the letter says they will come tonight")]
    [InlineData("han slår på rutan nu")] // violence as it happens
    [InlineData("he is punching my colleague")]
    public void Recognize_KindOfDangerNow_IsAcute(string text)
    {
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("Mitt hus brinner. Någon kastade in en brandbomb genom fönstret för en minut sen")] // minutes ago is not past
    [InlineData("someone threw a firebomb through my window two minutes ago, the kitchen is burning")]
    [InlineData("stenar genom fonstret hela tiden!! nu kom en till")] // stones thrown, without å/ä/ö
    [InlineData("snälla han är i lägenheten och jag har låst mig ute på balkongen")] // someone inside, the member shut out
    public void Recognize_DangerToldWithMinutesAgoOrThrownOrShutOut_IsAcute(string text)
    {
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("Jag kommer hem sent ikväll")]
    [InlineData("kommer utbildningen tillbaka ikväll?")]
    public void Recognize_TonightAndComingWithNothingAimedAtTheMember_IsNotAcute(string text)
    {
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Fact]
    public void Recognize_AThreatReceivedMinutesAgo_IsAskedAboutNotTakenAsPast()
    {
        Assert.Equal(DangerLevel.Unsure, DangerReading.Of(Utterance.From("fick ett hotfullt sms för fem minuter sen")));
    }

    [Theory]
    [InlineData("han sa att han kommer ikväll, vad gör jag")] // tonight with someone coming, ending in a question
    [InlineData("fick sms: ikväll kommer vi till dig, släck inte lamporna. jag är ensam hemma vad gör jag")]
    [InlineData("ikvall kommer vi hem till dig. vad gor jag")]
    [InlineData("de lovade att komma tillbaka ikväll och avsluta det, jag är fortfarande skakig")] // back
    [InlineData("Got a call 5 min ago: we'll be outside your house at 10 tonight. It's 9:40")] // outside, though told as past
    [InlineData("they said they'll come back tonight, what should I do?")]
    [InlineData("fick ett mejl: vi hälsar på dig ikväll. ska jag ringa någon?")]
    public void Recognize_ThreatForTonightToldAsAText_IsAcuteWhateverTheQuestionForm(string text)
    {
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("vad gör jag om nån säger att de kommer ikväll")] // a hypothetical asks ahead
    [InlineData("what if someone says they will come to my house tonight?")]
    [InlineData("ikväll är jag med i tv-debatten, vill bara att ni vet ifall det blir reaktioner efteråt")]
    [InlineData("jag ringer tillbaka ikväll")] // "tillbaka" without anyone coming
    [InlineData("ikväll är det möte utanför stadshuset, vad ska jag tänka på?")] // a place, nobody arriving
    public void Recognize_TonightWithoutSomeoneArriving_OrAskedAhead_IsNotAcute(string text)
    {
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("ett paket på trappan som tickar")] // something dangerous in itself
    [InlineData("ett tickande paket i brevlådan")]
    [InlineData("there is a suspicious package by the office door")]
    [InlineData("nån har tryckt in en brinnande tidning i brevinkastet")]
    public void Recognize_Hazard_IsAcute(string text)
    {
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("han. igen. i hissen.")] // a person acting now or again, with no other kind of danger named
    [InlineData("han e kvar pa parkeringen fortfarande")]
    [InlineData("she keeps sending him to my street again")]
    [InlineData("två killar har åkt efter oss hela vägen från mötet")]
    [InlineData("de filmar mig hela vägen hem från stationen")] // "filmar" is not a film: not general talk
    public void Recognize_PersonActingNowOrAgain_AtLeastTheSafetyQuestion(string text)
    {
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Acute, Intent.Report });
    }

    [Theory]
    [InlineData("jag har blivit hotad")]
    [InlineData("I have been threatened")]
    [InlineData("han hotar mig")]
    [InlineData("jag blir trakasserad av en granne")]
    [InlineData("förra året hotade de att bränna mitt hus, nu är det val igen")] // past and now: ask, do not assume
    public void Recognize_ThreatThatMayBeNow_AsksTheSafetyQuestion(string text)
    {
        Assert.Equal(Intent.Report, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("🆘")]
    [InlineData("hjälp mig")]
    [InlineData("hjalp mig!!")]
    [InlineData("help me")]
    [InlineData("jag är rädd")]
    [InlineData("jag ar sa radd")]
    [InlineData("I'm scared")]
    public void Recognize_EmergencySign_AsksTheSafetyQuestion(string text)
    {
        Assert.Equal(Intent.Report, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("när ska man ringa 112 och när 114 14?")] // general
    [InlineData("vad gör jag om någon står utanför mitt hus?")] // hypothetical
    [InlineData("what if someone follows me home after a meeting?")]
    [InlineData("vi övade på ett scenario där någon tar sig in med kniv")] // an exercise
    [InlineData("en kniv riktades mot mig för fem år sen, går det att anmäla nu?")] // past
    [InlineData("I was punched at a rally in 2022, can I still report it?")]
    [InlineData("igår stod en man utanför mitt hus i en timme")]
    [InlineData("jag brinner för skolfrågan men folk är så arga")] // an idiom
    [InlineData("hade en mardröm om att någon bröt sig in")]
    public void Recognize_OnlySoundsAlarming_IsNotAcute(string text)
    {
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("vem ringer jag")]
    [InlineData("vem ringer jag i helgen om nån hotar mig")]
    [InlineData("numret till säkerhetsenheten")]
    [InlineData("numret till sakerhetsenheten")]
    [InlineData("vem är säkerhetsansvarig i mitt parti")]
    [InlineData("vem e sakerhetsansvarig i mitt parti")]
    [InlineData("jouren")]
    [InlineData("vilket nummer ska jag ringa om det inte är akut")]
    [InlineData("who do I call")]
    [InlineData("phone number for the on-call security line please")]
    [InlineData("vilka kan jag kontakta?")] // asking who, with a way of reaching someone anywhere in the question
    [InlineData("Vem på partikansliet ska jag prata med om säkerhet?")]
    [InlineData("who should I talk to about my safety?")]
    [InlineData("kontakt säkerhetschef")] // a channel and a target, no question form
    [InlineData("kontakt sakerhetschef")]
    [InlineData("What's the 24/7 support number?")]
    [InlineData("ge mig nummer till nan som kan hjalpa mig, inte akut men jag mar inte bra")] // "inte akut" is no harm
    public void Recognize_ContactQuestion_IsContact(string text)
    {
        Assert.Equal(Intent.Contact, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("nån har skrivit hemska saker om mig pa insta vad gor jag")]
    [InlineData("någon har skrivit hemska saker om mig på instagram, vad gör jag?")]
    [InlineData("ngn har lagt ut min hemadress i en fb grupp igar, hur gor jag?")]
    public void Recognize_ToldWithAQuestion_IsTold(string text)
    {
        Assert.Equal(Intent.Told, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("vem ringer jag, han står utanför nu")] // danger now wins over a contact question
    [InlineData("who do I call, someone is trying to get into my flat")]
    public void Recognize_ContactQuestionWithDangerNow_IsAcute(string text)
    {
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("vad kan jag fråga dig om")] // asking what the bot can do
    [InlineData("vad kan du")]
    [InlineData("what can you do")]
    [InlineData("what can I ask you?")]
    [InlineData("hej! jag är ny ersättare, vad är det här för tjänst?")] // what the bot is, whatever else is said
    [InlineData("who are you?")]
    public void Recognize_AskingWhatTheBotIsOrCanDo_IsHelp(string text)
    {
        Assert.Equal(Intent.Help, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("vad kan du säga om åtkomstskydd?")] // a question for the guidance, not the menu
    [InlineData("vad är det här för konstigt paket på trappan")] // something told, not about the bot
    public void Recognize_AskingAboutSomethingElse_IsNotHelp(string text)
    {
        Assert.NotEqual(Intent.Help, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("vem ansvarar for min sakerhet nar jag sitter i en bolagsstyrelse i gbg")] // "nar" is "när", not "når"
    [InlineData("vem bestämmer om åtkomstskydd?")]
    public void Recognize_WhoQuestionWithoutAWayOfReaching_IsNotContact(string text)
    {
        Assert.NotEqual(Intent.Contact, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("tack!")]
    [InlineData("👍")]
    [InlineData("ok tack")]
    public void Recognize_NothingAsked_IsAcknowledgement(string text)
    {
        Assert.Equal(Intent.Acknowledgement, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("någon kastade en sten genom fönstret för en stund sen")] // just now, in the member's words
    [InlineData("han slog mig alldeles nyss")]
    [InlineData("nån har precis tänt eld på min bil")]
    [InlineData("he threw a bottle at my car a moment ago")]
    [InlineData("someone smashed my window just now")]
    public void Of_DangerToldAsJustNow_IsAcute(string text)
    {
        Assert.Equal(DangerLevel.Acute, DangerReading.Of(Utterance.From(text)));
    }

    [Theory]
    [InlineData("de kastar ägg och flaskor på mitt hus")] // thrown as the member writes
    [InlineData("nån slänger smällare mot fönstret")]
    [InlineData("they're throwing rocks at my windows")]
    [InlineData("någon har satt eld på min brevlåda")] // set alight
    [InlineData("nan tande eld pa soptunnan vid porten")]
    [InlineData("they set my car on fire")]
    [InlineData("a man is pouring petrol on the porch and lighting it, I'm watching from upstairs")] // the member only watches
    [InlineData("någon häller nåt på min cykel och tänder på")]
    public void Of_ThingsThrownOrSetAlight_IsAcute(string text)
    {
        Assert.Equal(DangerLevel.Acute, DangerReading.Of(Utterance.From(text)));
    }

    [Fact]
    public void Of_ThingThrownWithNoTimeTold_AsksRatherThanLetsGo()
    {
        Assert.NotEqual(DangerLevel.None, DangerReading.Of(Utterance.From("någon har kastat in en flaska genom brevinkastet")));
    }

    [Theory]
    [InlineData("det står någon på balkongen")] // places in and around the home
    [InlineData("han är i källaren")]
    [InlineData("någon står vid grinden och tittar")]
    [InlineData("en man väntar vid garaget")]
    [InlineData("nån sitter i en bil på uppfarten")]
    [InlineData("det står två killar i trappan")]
    [InlineData("han e i tradgarden")]
    [InlineData("there's someone on my balcony")]
    [InlineData("a man is waiting in the basement")]
    public void Of_SomeoneInOrAroundTheHome_IsAcute(string text)
    {
        Assert.Equal(DangerLevel.Acute, DangerReading.Of(Utterance.From(text)));
    }

    [Theory]
    [InlineData("han går inte därifrån")] // someone who won't leave
    [InlineData("hon vill inte gå från min dörr")]
    [InlineData("han vägrar lämna mottagningen")]
    [InlineData("he refuses to leave my office")]
    [InlineData("there is a man at reception who will not leave")]
    public void Of_SomeoneWhoWontLeave_IsAcute(string text)
    {
        Assert.Equal(DangerLevel.Acute, DangerReading.Of(Utterance.From(text)));
    }

    [Theory]
    [InlineData("han har tagit barnen och svarar inte")] // relatives in danger now
    [InlineData("någon följer efter min dotter från skolan just nu")]
    [InlineData("min dotter är livrädd, nån bankar på hennes dörr nu")]
    [InlineData("he has my daughter in his car")]
    [InlineData("my wife is being followed right now")]
    [InlineData("barnen är ensamma hemma och nån försöker öppna dörren")]
    public void Of_RelativeInDangerNow_IsAcute(string text)
    {
        Assert.Equal(DangerLevel.Acute, DangerReading.Of(Utterance.From(text)));
    }

    [Theory]
    [InlineData("han sparkade mig i huvudet")] // the member hurt
    [InlineData("jag kan inte andas")]
    [InlineData("han slog mig")]
    [InlineData("jag blöder från näsan")]
    [InlineData("I can't breathe")]
    [InlineData("he attacked me and I think my arm is broken")]
    public void Of_MemberHurt_IsAcute(string text)
    {
        Assert.Equal(DangerLevel.Acute, DangerReading.Of(Utterance.From(text)));
    }

    [Theory]
    [InlineData("förra veckan kastade någon sten på mitt fönster")] // past
    [InlineData("i fjol brann min bil upp utanför huset")]
    [InlineData("häromdagen stod en man vid min dörr")]
    [InlineData("last month someone followed me home")]
    [InlineData("om någon skulle kasta sten på mitt hus")] // hypothetical, with no question mark
    [InlineData("tänk om de bryter sig in hos mig")]
    [InlineData("what if someone sets my car on fire")]
    [InlineData("if someone were to follow me home after the meeting")]
    [InlineData("jag brinner för frågan om trygghet i skolan")] // figurative
    [InlineData("vi skjuter upp mötet till nästa vecka")]
    [InlineData("det slog mig att jag borde rapportera")]
    [InlineData("jag slår ett slag för fler trygghetsvärdar")]
    [InlineData("Is the security officer coming to the council meeting tonight?")] // a meeting question, nobody aimed at
    [InlineData("Vad ansvarar partikansliet för när någon av oss blir hotad?")] // a general question
    public void Of_PastHypotheticalOrFigurative_IsNotAcute(string text)
    {
        Assert.NotEqual(DangerLevel.Acute, DangerReading.Of(Utterance.From(text)));
    }

    [Theory]
    [InlineData("det brinner för fullt i förrådet")]
    [InlineData("my car is on fire over by the station")] // "on fire about my/what/this/it" is the figure of speech, nothing else
    [InlineData("the shed is on fire about 100 m from my house")]
    [InlineData("det brinner i knutarna på huset")] // the idiom of haste is not read away: a fire said so is a fire
    public void Of_BurningForReal_IsAFireNotAnIdiom(string text)
    {
        Assert.Equal(DangerLevel.Acute, DangerReading.Of(Utterance.From(text)));
    }

    /// <summary>A four-letter weapon typed with a letter missing or swapped: too short for typo tolerance, so named.</summary>
    [Theory]
    [InlineData("Jag har en knv mot halsen")]
    [InlineData("han har en kinv")]
    public void Of_AKnifeMistyped_IsAcute(string text)
    {
        Assert.Equal(DangerLevel.Acute, DangerReading.Of(Utterance.From(text)));
    }

    [Fact]
    public void Of_ThreatInAnHour_IsReadAsTonightNotAsAHypothetical()
    {
        Assert.Equal(DangerLevel.Acute, DangerReading.Of(Utterance.From("sms: om en timme kommer vi hem till dig")));
    }

    [Theory]
    [InlineData("i'm safe now, the guy shouting at me outside the library left")] // it is over, said by the member
    [InlineData("han stod och skrek utanför kontoret men nu är det lugnt")]
    [InlineData("someone was banging on my door but the police came and he is gone")]
    public void Of_MemberSaysItIsOverAndTheyAreSafe_AsksInsteadOf112(string text)
    {
        Assert.Equal(DangerLevel.Unsure, DangerReading.Of(Utterance.From(text)));
    }

    [Fact]
    public void Of_TheMembersOwnWhereabouts_IsNotSomeoneNear()
    {
        Assert.Equal(DangerLevel.None, DangerReading.Of(Utterance.From("kan jag skriva att jag står vid torget och delar flygblad idag?")));
    }

    [Theory]
    [InlineData("jag står vid bokbordet och ett gäng har omringat oss och knuffas")]
    [InlineData("han hotar att slå mig, vi står i entrén till stadshuset")] // the member placed beside the threatener
    [InlineData("I am being followed by a car since the town hall")]
    public void Of_MemberPlacedWithDangerNear_IsAcute(string text)
    {
        Assert.Equal(DangerLevel.Acute, DangerReading.Of(Utterance.From(text)));
    }

    [Fact]
    public void Of_TheMembersOwnDoingInTheProgressive_IsNotHappeningNow()
    {
        Assert.NotEqual(DangerLevel.Acute, DangerReading.Of(Utterance.From("I'm hosting a debate next week, how should I handle threats from the audience?")));
    }

    [Theory]
    [InlineData("de skrev att ikväll är det dags, jag är ensam hemma")]
    [InlineData("he told me tonight he'll settle it and I'm scared, what should I do")]
    public void Recognize_WarnedAboutTonightAndAfraid_AsksTheSafetyQuestion(string text)
    {
        Assert.Equal(DangerLevel.Unsure, DangerReading.Of(Utterance.From(text)));
    }

    [Theory]
    [InlineData("ska jag ringa polisen om hotet?")]
    [InlineData("borde man ringa polisen när nån skrivit hot på facebook?")]
    [InlineData("should I call the police about the threatening email?")]
    public void Recognize_AskingWhetherToCallThePolice_IsNotAcute(string text)
    {
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("ring polisen!! han slår sönder fönstret")]
    [InlineData("call the police, he is inside")]
    public void Recognize_CallThePoliceToldNotAsked_IsAcute(string text)
    {
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("han har gått men jag blöder från huvudet")]
    [InlineData("they left but I'm bleeding a lot")]
    public void Recognize_SaidToBeOverButHurt_IsAcute(string text)
    {
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("någon skjuter upp fyrverkerier mot vårt fönster")]
    [InlineData("nan skjuter upp raketer mot huset")]
    public void Recognize_ShotAtTheHomeNotPostponed_IsAcute(string text)
    {
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));
    }

    [Fact]
    public void Recognize_MeetingPostponed_IsNotAcute()
    {
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize("vi skjuter upp mötet till nästa vecka"));
    }
}
