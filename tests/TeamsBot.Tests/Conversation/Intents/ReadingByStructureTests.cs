namespace Trygg.Conversation.Intents;

/// <summary>
/// Readings that come from the shape of a message rather than its words: an event ahead that the member takes part in
/// (an event, a time ahead said outright, the member taking part), a Swedish yes/no question by word order, a question
/// asked inside a longer sentence, "still" after a past event, and now said over a past in the same message.
/// </summary>
public sealed class ReadingByStructureTests
{
    [Theory]
    [InlineData("invigning av skolan den 12 maj o jag ska hålla tal, behövs det vakter")]
    [InlineData("vi har torgmöte på lördag, kan ni vara beredda")]
    [InlineData("ska delta i en paneldebatt nasta vecka pa biblioteket")]
    [InlineData("har bokbord utanför ica söndagar i augusti, borde säkerhet veta?")]
    [InlineData("ska träffa en grupp väljare på onsdag om vindkraften, kan säkerhet veta om det")]
    [InlineData("I'm hosting a town hall on 3 April and we expect protesters")]
    [InlineData("We're having a campaign event next Saturday, who should know?")]
    public void Recognize_EventAheadTheMemberTakesPart_IsMeeting(string text) =>
        Assert.Equal(Intent.Meeting, IntentRecognizer.Recognize(text));

    /// <summary>
    /// A heads-up told with a when ahead as members write it: a weekday shortened ("tors 18.00", "fre kl 10"), a day of this
    /// month by its ordinal ("den 12e", "on the 20th"), a whole stretch said with a word of notice ("heads up ... all
    /// weekend"); told plainly, with nobody aimed at, the member need not say they take part.
    /// </summary>
    [Theory]
    [InlineData("valstuga på stortorget hela augusti, lördagar 10-14")]
    [InlineData("vi har öppet möte om skolnedläggningen på tors 18.00, folk e jätteupprörda. vill att ni vet")]
    [InlineData("medborgardialog om vindkraften den 12e i sporthallen")]
    [InlineData("heads up, we're doing door knocking in the east end all weekend for the campaign")] // a stretch, with "heads up"
    [InlineData("we have a public consultation about the new bus depot on the 20th, expecting protests")]
    public void Recognize_HeadsUpWithAWhenAhead_IsMeeting(string text) =>
        Assert.Equal(Intent.Meeting, IntentRecognizer.Recognize(text));

    /// <summary>
    /// The net under the reading: a person told with a place, a cry for help or fear, in the present, that nothing else
    /// placed, gets the safety question; the same person with no such thing, or told as past, does not.
    /// </summary>
    [Theory]
    [InlineData("cant speak, he's in the flat, texting from under the bed")]
    [InlineData("e ensam i valstugan o en man har låst dörren inifrån o säger att vi ska prata")]
    [InlineData("help please hes inside")]
    public void Recognize_APersonWithAPlaceOrACry_NothingElsePlaced_AsksIfSafe(string text) =>
        Assert.Equal(Intent.Report, IntentRecognizer.Recognize(text));

    /// <summary>Found by a review of the rules above: danger they must leave as it was.</summary>
    [Theory]
    [InlineData("mannen från mötet är här")]           // "är här" with any person before it
    [InlineData("två män ar har")]
    [InlineData("whos that guy outside my house")]
    [InlineData("han har smsat hela veckan att han kommer")] // a stretch is no time ahead for danger
    public void Recognize_DangerNearTheNewRules_StaysAcute(string text) =>
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("pa motet i tors skrek en man at mig att jag skulle do")] // "i tors" is last Thursday
    [InlineData("möte på tors. han sa att han vet var jag bor")]        // someone aimed at the member: a report
    [InlineData("invigning på lör, nån har lagt upp min adress på fb")]
    [InlineData("kampanj hela veckan, nån har punkterat mina däck")]
    [InlineData("en kille har hängt vid porten hela veckan")]
    [InlineData("han e tillbaka for den 3e gangen")]                     // an ordinal that counts times is no date
    public void Recognize_HarmOrSomeoneAtAnEventWithAWhen_IsNotANotice(string text)
    {
        var intent = IntentRecognizer.Recognize(text);
        Assert.NotEqual(Intent.Meeting, intent);
        Assert.Contains(intent, new[] { Intent.Report, Intent.Acute, Intent.Told });
    }

    [Theory]
    [InlineData("mötet på tors är inställt")]
    [InlineData("the meeting on the 20th is cancelled")]
    [InlineData("jag ar pa festival hela helgen")]
    [InlineData("we have visitors all weekend")]
    [InlineData("the 1st meeting went fine")]
    public void Recognize_AnEventCalledOffOrNoNotice_IsNotMeeting(string text) =>
        Assert.NotEqual(Intent.Meeting, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("he said you can help")]
    [InlineData("they need help with the new phones")]
    [InlineData("han vill ha hjälp att logga in")]
    public void Recognize_HelpAsked_ForSomeoneElse_IsNotTheSafetyQuestion(string text)
    {
        var intent = IntentRecognizer.Recognize(text);
        Assert.NotEqual(Intent.Report, intent);
        Assert.NotEqual(Intent.Acute, intent);
    }

    [Theory]
    [InlineData("jag fick paketet med kameran men sladden saknas")]
    [InlineData("kan ni skicka nya batterier i ett paket")]
    [InlineData("the alarm box keeps beeping, i think the battery is low")]
    [InlineData("larmknappen ligger i en låda, hur byter jag batteri")]
    public void Recognize_ParcelsOfTheMembersOwnKit_AreNotADevice(string text) =>
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize(text));

    /// <summary>The eighth blind set's misses, read by shape (the set is development now).</summary>
    [Theory]
    [InlineData("på tunnelbanan, tre män har satt sig runt mig o en säger mitt namn. vad ska jag göra")] // told, then "what now"
    [InlineData("en man har ställt sig framför dörren på mottagningen o säger att jag inte går härifrån förrän jag ändrar beslutet")] // "ändrar" is no "undrar"
    [InlineData("skrev på min sida att huset ska brinna inatt. jag är ensam hemma o det e mörkt, vågar inte sova")] // "ska ... inatt" is tonight
    public void Recognize_EighthBlindSetsDanger_IsCaught(string text) =>
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Acute, Intent.Report });

    [Theory]
    [InlineData("i natt hörde jag nån i trädgården o imorse såg jag fotspår vid fönstret. vill anmäla")] // "i natt" is also last night
    [InlineData("if someone hurts me at a meeting do i need to see a doctor for it to count in the report? not now, asking in general")]
    [InlineData("min man blir också trakasserad pga mitt uppdrag, räknas det? kan han få hjälp nånstans")] // support asked for, not a cry
    public void Recognize_LastNightOrAskedInGeneral_IsNotThe112Card(string text) =>
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("he is my colleague")]
    [InlineData("they changed the meeting room")]
    [InlineData("när är mitt säkerhetssamtal för i år, har inte hört något")] // "år, har" is no "är här"
    [InlineData("i år har jag inte fått någon kallelse till säkerhetssamtalet")]
    public void Recognize_APersonOrAYearWithNothingOfDanger_IsNotTheSafetyQuestion(string text)
    {
        var intent = IntentRecognizer.Recognize(text);
        Assert.NotEqual(Intent.Acute, intent);
        Assert.NotEqual(Intent.Report, intent);
    }

    /// <summary>
    /// A parcel and wires anywhere in the message, whatever the order: the safety question (not the 112 card at once, as
    /// the member's own kit comes with wires too).
    /// </summary>
    [Theory]
    [InlineData("opened a parcel addressed to me, there are wires and a battery in it, its still on my desk. should I leave the building?")]
    [InlineData("kuvertet på mitt skrivbord, det sticker ut sladdar ur det")]
    public void Recognize_AParcelWithWires_AsksIfSafe(string text) =>
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Report, Intent.Acute });

    /// <summary>Found by the second review: what the rules above must leave as danger, and calm.</summary>
    [Theory]
    [InlineData("killen fran motet i tors star vid min dorr")] // "i tors" names who, not when
    [InlineData("hes gonna set my house on fire about my vote")]
    [InlineData("a man is standing outside my door, im not asking in general")]
    [InlineData("kan jag fa hjalp? han ar i huset")]
    [InlineData("my ex is here. he's not supposed to come near me. he's banging on the window")] // "supposed" is no "suppose"
    public void Recognize_SecondReviewsDanger_StaysAcute(string text) =>
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("Heads up kampanj hela helgen, min adress har lagts ut pa fb")]
    [InlineData("Den 3e hade vi mote och jag blev filmad hela tiden")]
    [InlineData("Tips inför kampanjen på lördag")]
    [InlineData("Jag har fatt ett brev hem med min adress, valstuga pa lor")]
    public void Recognize_HarmPastOrAdviceWithAShortenedWhen_IsNotANotice(string text) =>
        Assert.NotEqual(Intent.Meeting, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("Someone sent an envelope asking me to wire money")]
    [InlineData("for i ar har jag inte fatt nat hot")] // "i ar" typed for "i år"
    [InlineData("The box with the video doorbell came but no wires")]
    public void Recognize_SecondReviewsCalm_IsNotThe112Card(string text) =>
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize(text));

    [Theory]
    // asked about something else than guards or notice: the guidance
    [InlineData("ska jag lägga ut på insta var vi står på lördag?")]
    // nobody takes part: a question
    [InlineData("när börjar fullmäktige på torsdag?")]
    // told as past, to be reported
    [InlineData("på mötet i måndags hotade en åhörare mig, jag vill rapportera det")]
    public void Recognize_NotANoticeAhead_IsNotMeeting(string text) =>
        Assert.NotEqual(Intent.Meeting, IntentRecognizer.Recognize(text));

    [Fact]
    public void Recognize_MeetingsAskedAboutInGeneral_AskTheGuidance() =>
        Assert.Equal(
            Intent.Question,
            IntentRecognizer.Recognize("jag har ofta arga besökare på mina möten. finns det råd om hur jag ska sitta i rummet om det blir hotfullt"));

    [Theory]
    [InlineData("gäller rutinen även när min partner hotas")] // verb first, a definite noun: a yes/no question
    [InlineData("täcker försäkringen skador på bilen efter hot")]
    [InlineData("räknas det som hot om han skriver det till min dotter")]
    public void Recognize_SwedishVerbFirst_IsAQuestionNotAReport(string text) =>
        Assert.Equal(Intent.Question, IntentRecognizer.Recognize(text));

    [Fact]
    public void Recognize_IfIAmThreatened_IsAskedAhead() =>
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize("kan kommunen hjälpa mig om jag blir förföljd efter valet"));

    [Fact]
    public void Recognize_StillFeelingBadAfterAPastThreat_IsNotDangerNow() =>
        Assert.Equal(
            DangerLevel.None,
            DangerReading.Of(Utterance.From("blev hotad i våras o sover fortfarande dåligt, finns det nåt samtalsstöd")));

    [Fact]
    public void Recognize_DontKnowWhatToDo_StaysDistressNotAQuestion() =>
        Assert.Equal(
            Intent.Acute,
            IntentRecognizer.Recognize("två män står runt min bil och bankar på rutan, vet inte vad jag ska göra"));

    [Theory]
    [InlineData("killen som hotade mig i somras står utanför min dörr just nu")]
    [InlineData("the guy who followed me last week is outside my house right now")]
    public void Recognize_PastNamesWhoNowTellsWhat_IsAcute(string text) =>
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));

    [Fact]
    public void Recognize_SeenNow_IsSomeoneNear() =>
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize("han hotade mig på fb och nu ser jag honom stå vid entrén"));

    [Theory]
    [InlineData("vågar inte gå dit själv")] // "vågar" is not a typo of "vägrar" or "jagar"
    [InlineData("vill inte stå som anmälare")]
    public void Recognize_WordsNearDangerWords_AreNotDanger(string text) =>
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("who is responsible for my safety as a board member?")]
    [InlineData("vem ansvarar för min säkerhet som fritidspolitiker")]
    public void Recognize_WhoIsResponsible_AsksTheGuidanceNotForANumber(string text) =>
        Assert.NotEqual(Intent.Contact, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("hur får jag tag på säkerhetsenheten")]
    [InlineData("how do I get in touch with the security unit")]
    [InlineData("vill prata med nån på säkerhetsavdelningen")]
    public void Recognize_ReachingTheSecurityUnit_IsContact(string text) =>
        Assert.Equal(Intent.Contact, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("status på mitt ärende")]
    [InlineData("hur går det med mitt ärende?")]
    public void Recognize_MyCase_IsMyReports(string text) =>
        Assert.Equal(Intent.MyReports, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("3 juni", true)]
    [InlineData("den 14:e mars", true)]
    [InlineData("March 14th", true)]
    [InlineData("in May", false)]
    [InlineData("32 maj", false)]
    [InlineData("jag mår 3 gånger bättre", false)]
    public void NamesADate_DayAndMonth(string text, bool expected) =>
        Assert.Equal(expected, Utterance.From(text).NamesADate());
    [Fact]
    public void Danger_FoundOnlyByReadingAWordAsATypo_AsksRatherThanShows112()
    {
        // "tapped" is one letter from "trapped": read as written it is no danger, so the bot asks instead of alarming.
        var u = Utterance.From("my phone might be tapped, weird clicks on calls");

        Assert.NotEqual(DangerLevel.Acute, DangerReading.Of(u));
        Assert.Equal(DangerLevel.None, DangerReading.Of(u.AsWritten()));
    }

    [Fact]
    public void Danger_ARealTypoStillGetsTheSafetyQuestion() =>
        // "utanför" typed "utnaför": still someone at the door, so at least "Är du i säkerhet just nu?"
        Assert.NotEqual(DangerLevel.None, DangerReading.Of(Utterance.From("han står utnaför dörren och bankar")));

    [Fact]
    public void Danger_QuotedWordsAloneAreARelayedThreat_TheSafetyQuestionNotThe112Card() =>
        Assert.Equal(
            DangerLevel.Unsure,
            DangerReading.Of(Utterance.From("en kollega skickade en skärmdump där nån skrivit ”hon ska få en kniv i ryggen” i en grupp")));

    [Fact]
    public void Danger_QuotedThreatWithSomethingHappeningNow_StaysAcute() =>
        Assert.Equal(
            DangerLevel.Acute,
            DangerReading.Of(Utterance.From("fick sms: \"vi kommer till dig ikväll\". nu står det en bil utanför med lamporna släckta")));

    [Theory]
    [InlineData("ingen akut fara men han har mejlat tio gånger i dag")]
    [InlineData("is it normal to feel scared weeks after someone broke into my flat?")]
    [InlineData("grannen såg en man stå utanför vårt hus när vi var bortresta")]
    public void Danger_SaidNotUrgentOrToldAsPast_IsNotThe112Card(string text) =>
        Assert.NotEqual(DangerLevel.Acute, DangerReading.Of(Utterance.From(text)));
    /// <summary>From the review of this reading: each was missed by a first version of a rule above.</summary>
    [Theory]
    [InlineData("Can you help me? A man is outside my door with a knife and says he'll kill me if I come out")]
    [InlineData("kan nagon hjalpa mig, han star utanfor med kniv och sager att han dodar mig om jag gar ut")]
    [InlineData("Kan ni hjälpa mig, jag gömmer mig på toaletten och om han hittar mig dödar han mig")]
    [InlineData("ingen fara för mig, men det brinner i valstugan och en kollega är kvar därinne")]
    [InlineData("Det är ingen fara med mig, men han slår min fru just nu")]
    [InlineData("I'm not in danger but my daughter is, he's inside the house with a knife")]
    public void Review_HelpAskedOrNoDangerToMe_StillAcute(string text) =>
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("Det står en man utanför lokalen och hotar mig, jag ska hålla tal på invigningen imorgon")]
    [InlineData("Någon slår på min bil, jag ska på invigning imorgon")]
    [InlineData("de hotar att bränna mitt hus, jag ska ha debatt på fredag")]
    [InlineData("han slår mig, ge mig numret till säkerhetsenheten")]
    [InlineData("fick sms ”vi står utanför ditt hus nu” vem ringer jag")]
    [InlineData("I'm being followed, what do I do if I am followed all the way home")]
    public void Review_DangerWithAnEventAheadOrAQuestion_IsCaughtFirst(string text) =>
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Acute, Intent.Report });

    [Theory]
    [InlineData("ja jag ser dem nu, tack")]
    [InlineData("I can see the report right now but can't open it")]
    [InlineData("Journalisten jagade mig för en kommentar efter mötet")]
    [InlineData("förundersökningen om misshandel pågår, kan jag få åtkomstskydd?")]
    [InlineData("vem kan jag ringa? inte akut men vill prata med nån om min säkerhet")]
    public void Review_CalmMessages_AreNotThe112Card(string text) =>
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize(text));
    /// <summary>Kinds the fourth blind set found missing (written here in other words).</summary>
    [Theory]
    [InlineData("en motorcykel har följt efter mig sen jag lämnade stadshuset, vad gör jag")]
    [InlineData("samma vita skåpbil bakom mig sen rondellen, blinkar hela tiden")]
    [InlineData("han skrev att i kväll blir min sista kväll och jag är ensam")]
    [InlineData("nån ringde och sa vi har henne, min dotter svarar inte")]
    [InlineData("min man ser nån som lyser in genom köksfönstret med ficklampa")]
    [InlineData("en kollega blir fasthållen av en besökare i receptionen just nu")]
    public void BlindKinds_DangerNow_IsCaught(string text) =>
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Acute, Intent.Report });

    /// <summary>
    /// The net under the kinds: someone told with the member, their home or family, or the member afraid where they are,
    /// in present words and not a question, past or written, gets at least the safety question, whatever the kind.
    /// </summary>
    [Theory]
    [InlineData("det står folk med facklor utanför")]
    [InlineData("hör fotsteg på vinden")]
    [InlineData("jag vågar inte gå ut från kontoret")]
    [InlineData("mannen från förra veckan är på mötet nu o sitter längst bak")]
    [InlineData("jag e inlåst på toaletten på kommunhuset")]
    [InlineData("vi har barrikaderat oss i sessionssalen")]
    [InlineData("I can hear someone downstairs")]
    [InlineData("a stranger keeps walking past our gate")]
    public void Net_SomeoneAtTheMember_GetsAtLeastTheSafetyQuestion(string text) =>
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Acute, Intent.Report });

    [Theory]
    [InlineData("kan du ringa 112 åt mig")]
    [InlineData("can you call the police for me")]
    public void AskedToCallForThem_IsAcute(string text) =>
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));

    /// <summary>What the net must leave alone: questions, the past, writing, the member's own event ahead, the member alone at home.</summary>
    [Theory]
    [InlineData("jag sitter hemma och läser vägledningen")]
    [InlineData("vad gör jag om nån står utanför mitt hus?")]
    [InlineData("jag ska ha medborgarmöte om vindkraften i maj, folk är arga redan nu")]
    public void Net_LeavesCalmAlone(string text) =>
        Assert.DoesNotContain(IntentRecognizer.Recognize(text), new[] { Intent.Acute, Intent.Report });

    /// <summary>Questions in the forms the dev sets sent to the safety question: harm asked about ahead or in general, asked.</summary>
    [Theory]
    [InlineData("Vad ansvarar partikansliet för när någon av oss blir hotad?")] // "när" four words before the harm
    [InlineData("kan SKR hjälpa mig direkt om jag blir hotad eller måste det gå via kommunen")] // verb first, asking about if
    [InlineData("om man blir skadad vid nåt sånt ska man till vårdcentralen då eller")] // harm to anyone, ahead; the tag "eller"
    [InlineData("sparar jag skärmdumpar eller ska jag bara radera allt o blocka")] // "sparar" is not a typo of "sparkar" in a question
    public void Questions_AboutHarmAheadOrInGeneral_AskTheGuidance(string text) =>
        Assert.Equal(Intent.Question, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("när e nästa KF")]
    [InlineData("när är kommunstyrelsens nästa möte")]
    public void WhenIsTheNextMeeting_IsAQuestionNotANotice(string text) =>
        Assert.NotEqual(Intent.Meeting, IntentRecognizer.Recognize(text));

    [Fact]
    public void Told_SomeoneHasStoodOutsideAndFilmedMe_OffersAReport() =>
        Assert.Contains(
            IntentRecognizer.Recognize("en kvinna har stått utanför kommunhuset varje morgon o filmat mig när jag går in. ska jag rapportera?"),
            new[] { Intent.Report, Intent.Told });

    [Theory]
    [InlineData("polisens nummer som inte e 112", Intent.Contact)]
    [InlineData("what's the police non-emergency number", Intent.Contact)]
    [InlineData("tja hur funkar det här", Intent.Help)]
    [InlineData("vilka ärenden har jag inne hos er", Intent.MyReports)]
    public void EverydayPhrasings_OfContactHelpAndMyReports(string text, Intent expected) =>
        Assert.Equal(expected, IntentRecognizer.Recognize(text));

    /// <summary>
    /// The reviewer's probes of the looser question forms, the wider if-window and the net: danger told in a form that
    /// may also ask ("... eller", a verb first, "när är ...", a typo and "vad gör jag") is still caught.
    /// </summary>
    [Theory]
    [InlineData("en man hotar mig eller")]
    [InlineData("de hotar oss utanför stadshuset eller")]
    [InlineData("Peter jag är rädd, en man hotar mig")]
    [InlineData("där jag bor hotar en man mig")]
    [InlineData("efter jag kom ut från mötet hotar en man mig")]
    [InlineData("står jag vid bussen och en man skriker att han ska döda mig")]
    [InlineData("sitter jag här hemma och plötsligt knackar det på fönstret")]
    [InlineData("hör vi steg på vinden")]
    [InlineData("när är vakterna här, en man hotar mig i foajén")]
    [InlineData("nån förfljer mig, vad gör jag?")]
    [InlineData("killen bråkar om beslutet, jag blir knuffad")]
    [InlineData("en man skäller om skatten och jag blir fasthållen")]
    [InlineData("jag sitter hemma, plötsligt knackar det hårt på fönstret")]
    [InlineData("en man rotar i brevlådan och tittar på mig")]
    [InlineData("han slår mig, vad gör jag?")]
    [InlineData("han hotar mig, vad gör jag?")]
    [InlineData("please call 911 for me")]
    [InlineData("kan man ringa polisen åt mig")]
    public void Review_DangerInAFormThatMayAsk_IsStillCaught(string text) =>
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Acute, Intent.Report });

    /// <summary>The fifth blind acute set's two misses, in other words; and a call no longer hides someone near.</summary>
    [Theory]
    [InlineData("min dotter ringde, en okänd kvinna vill hämta henne vid förskolan och säger att hon känner mig")]
    [InlineData("bilen bakom oss har följt oss sen motorvägen, svänger när vi svänger")]
    public void BlindKinds5_DangerNow_IsCaught(string text) =>
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Acute, Intent.Report });

    /// <summary>
    /// Danger told with no kind the lexicon had: a person opening what the member tells ("nån har klippt av strömmen"),
    /// something heard, signs at the home (a door open that was locked, a petrol can, gas, white powder), a drone, the
    /// member unable to get out or to reach 112. Found by a development set written for odd forms (eval/acute-odd.json).
    /// </summary>
    [Theory]
    [InlineData("nån har klippt av strömmen")]
    [InlineData("someone cut the power to the house")]
    [InlineData("dom har hittat mig")]
    [InlineData("hör glas som krossas i garaget")]
    [InlineData("dörren står öppen och den var stängd när jag gick")]
    [InlineData("the door is open and i locked it when i left")]
    [InlineData("luktar gas i trapphuset, starkt")]
    [InlineData("vitt pulver i kuvertet, har det på händerna nu")]
    [InlineData("en dunk o en trasa vid ytterdörren")]
    [InlineData("drone hovering outside the bedroom window")]
    [InlineData("bilen från igår står här igen")]
    [InlineData("stenen kom genom rutan nyss, ligger på golvet")]
    [InlineData("cant get out the door is blocked")]
    [InlineData("funkar inte att ringa 112")]
    [InlineData("jag vill inte leva")]
    [InlineData("dörren står öppen, jag låste den i morse")]
    [InlineData("min dotter har inte kommit hem och svarar inte")]
    [InlineData("my daughter didnt come home from school and isnt answering")]
    [InlineData("ett paket på trappan med sladdar som sticker ut")]
    [InlineData("det står en svart bil utanför sen två timmar")]
    [InlineData("same car parked outside again")]
    [InlineData("kids school called, someone tried to pick them up")]
    [InlineData("the house alarm is going off")]
    [InlineData("I think I'm being watched")]
    [InlineData("what is that noise downstairs")]
    [InlineData("vad är det för ljud på vinden")]
    [InlineData("kan inte ta mig ut, dörren är blockerad")]
    [InlineData("112 does not answer")]
    [InlineData("vill inte leva mer, vad ska jag göra?")]
    [InlineData("white powder came out of the letter")]
    [InlineData("he holds something metal and walks to my stand")]
    public void DangerInNoKindOfBefore_IsCaught(string text) =>
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Acute, Intent.Report });

    /// <summary>
    /// Calm first messages near those words (an independent review's probes): a person told as done or wanted, a talk
    /// heard, harsh words about the day, something under a tree or a door, an attachment to open, a greeting.
    /// </summary>
    [Theory]
    [InlineData("behöver prata m nån på säkerhetsavdelningen idag helst")]
    [InlineData("får ordf kasta ut nån från fullmäktige som bara stör hela tiden")]
    [InlineData("strömmen gick på kommunhuset under mötet igår")]
    [InlineData("har hört att säkerhetsenheten har nya rutiner")]
    [InlineData("nagon tipsade om boten")]
    [InlineData("someone recommended this bot")]
    [InlineData("they changed the meeting room")]
    [InlineData("min kollega sa att de har bytt lokal")]
    [InlineData("hör en podd om säkerhet")]
    [InlineData("massa skit att göra idag")]
    [InlineData("vidrigt väder")]
    [InlineData("det känns fel att budgeten skärs ned")]
    [InlineData("det ligger paket under granen")]
    [InlineData("the light under the door is on")]
    [InlineData("möter dig vid entrén kl 18")]
    [InlineData("ska jag öppna bilagan?")]
    [InlineData("hej! trevlig helg")]
    [InlineData("mitt lösen till teams funkar inte")]
    [InlineData("kan inte höra något i teams")] // "höra" folds to the slur "hora"
    [InlineData("the link is broken")]
    [InlineData("jag har rapporterat 2 ggr nu om samma kille, är ärendet stängt??")]
    [InlineData("säkerhetsenheten svarar inte på mejl")]
    [InlineData("hörde steg på vinden förra veckan men det var grannen")]
    [InlineData("jag försöker hämta barnen kl 16 så jag kan inte vara med på mötet")]
    [InlineData("I'm trying to pick up the kids at 4, can we move the call")]
    [InlineData("ska jag öppna dörren till sessionssalen nu")]
    [InlineData("They said the meeting is cancelled")]
    [InlineData("he is my colleague")]
    [InlineData("det är en sak man borde veta")]
    [InlineData("jag hörde något intressant på radion om valet")]
    [InlineData("the noise at the construction site keeps me awake")]
    [InlineData("jag kommer inte ut från jobbet förrän 18")]
    [InlineData("the deadline is closing in for the motion")]
    [InlineData("jag öppnade fönstret för det var varmt")]
    [InlineData("the council meeting is being filmed and streamed")]
    [InlineData("porten är öppen 8-17")]
    [InlineData("the door is open for questions after the meeting")]
    [InlineData("katten kom in genom fönstret igen")]
    [InlineData("jag vill inte finnas med på listan")]
    [InlineData("drönaren flyger över festivalen")]
    [InlineData("skit i det, jag mejlar dig sen")]
    [InlineData("jag köpte en dunk med vatten till valstugan")]
    public void CalmNearThoseWords_DoesNotAskIfSafe(string text) =>
        Assert.DoesNotContain(IntentRecognizer.Recognize(text), new[] { Intent.Acute, Intent.Report });

    /// <summary>"kille" is a guy, not "kill": a person now asks at most, never the 112 card at once.</summary>
    [Fact]
    public void Kille_IsAGuyNotAKilling() =>
        Assert.NotEqual(Intent.Acute, IntentRecognizer.Recognize("killen på IT fixar datorn nu"));

    /// <summary>A laugh or "no joke" beside a weapon does not soften it.</summary>
    [Theory]
    [InlineData("han skrattar och har en kniv")]
    [InlineData("det är inget skämt, han har en kniv")]
    [InlineData("han har kniv haha")]
    public void LaughterBesideAWeapon_StaysAcute(string text) =>
        Assert.Equal(Intent.Acute, IntentRecognizer.Recognize(text));

    /// <summary>Messages told as harsh, rude or wrong-feeling are something to report, in no word of threat or hate.</summary>
    [Theory]
    [InlineData("har fått typ 30 dm på insta sen intervjun, flera ganska grova")]
    [InlineData("fått en massa skitsnack på fb efter debatten")]
    [InlineData("got a load of rude messages after the council vote")]
    [InlineData("en man ringde mig privat o frågade när jag brukar vara hemma, kändes fel")]
    [InlineData("en reporter dök upp hemma i söndags o ville prata med min fru, kändes jätteobehagligt")]
    public void HarshOrWrongFeelingContact_IsAReport(string text) =>
        Assert.Equal(Intent.Report, IntentRecognizer.Recognize(text));

    /// <summary>Göteborg's unit "Säkerhet och beredskap" is no "be ready" of a meeting notice.</summary>
    [Fact]
    public void TheUnitsNameBeredskap_IsNoMeetingNotice() =>
        Assert.Equal(Intent.Question, IntentRecognizer.Recognize("what's the difference between Säkerhet och beredskap and the security person in my nämnd? who do I go to"));

    /// <summary>"nån annan" is another person to turn to, not someone at the member.</summary>
    [Fact]
    public void SomeoneElseToTurnTo_IsNoDanger() =>
        Assert.NotEqual(Intent.Report, IntentRecognizer.Recognize("vet inte om jag ska vända mig till dig eller nån annan"));

    /// <summary>A device under the car, a stranger at the door one wonders whether to let in: danger now.</summary>
    [Theory]
    [InlineData("varför blinkar det en liten röd lampa under min bil??")]
    [InlineData("ska jag öppna? han säger att han e från elbolaget men jag har inte beställt nåt")]
    [InlineData("should i open? he says he is from the electricity company")]
    public void DeviceUnderTheCarOrAStrangerAtTheDoor_IsCaught(string text) =>
        Assert.Contains(IntentRecognizer.Recognize(text), new[] { Intent.Acute, Intent.Report });

    [Fact]
    public void DidMyReportGoThrough_IsMyReports() =>
        Assert.Equal(Intent.MyReports, IntentRecognizer.Recognize("did my report about the letter go through?"));
}
