namespace Trygg.Conversation.Intents;

/// <summary>
/// The words the recogniser listens for, as data (see <see cref="Cue"/> for the pattern syntax). Written with
/// å/ä/ö; they are folded like the member's text. Add words here rather than rules in the recogniser.
/// </summary>
internal static class IntentLexicon
{
    // ---- Acute: danger now ----

    /// <summary>Weapons, fire, break-ins, violence in the present tense, someone following: acute on their own.</summary>
    public static readonly Cue[] DangerNow = Cues(
        "*kniv*", "*vapen*", "pistol*", "gevär*", "revolver*", "yxa", "yxan", "basebollträ*", "tillhygge*", "skjuter",
        "knife", "knives", "gun", "guns", "gunman", "weapon*", "armed", "rifle*", "shooting",
        "brinner", "brand", "eld", "elden", "fire", "burning",
        "bryt* sig in", "ta|tar sig in", "break* in|into|down|through", "breaking my|the|our ?", "slår|sparkar sönder|in",
        "slår", "sparkar", "bankar", "misshandlar", "hitting", "hits me", "beating", "punching", "kicking", "banging", "attacking", "stabbing",
        "följer efter", "förföljer", "jagar mig", "following me", "is following", "is chasing", "chasing me",
        "akut*", "112", "ring|ringa polisen|112", "call the police", "call 112", "under attack");

    /// <summary>Someone is here, at the door, around the house or car.</summary>
    public static readonly Cue[] Presence = Cues(
        "står utanför|vid|i|på|runt", "är utanför", "utanför mitt|min|mina|vårt|huset|dörren|fönstret|porten",
        "vid min|mitt|vår dörr|fönster|bil|bilen", "vid dörren|fönstret", "i mitt|vårt hus|kök|hem|sovrum", "i huset|trädgården|trappan|trapphuset",
        "på tomten", "är här", "är kvar", "kvar i|på|utanför", "vägrar gå|lämna", "runt huset|bilen", "*omring*", "stirrar in", "bevakar", "knackar|bankar på fönstret|rutan", "spanar på",
        "is outside", "are outside", "outside my|our|the house|door|home", "still outside", "at my|the door", "in my|our house|garden|home|yard|office",
        "is here", "are here", "watching me|my|our", "there is someone|somebody", "wont leave", "surround*");

    /// <summary>Harm that is happening to the member as they write ("jag blir slagen", "I'm being followed").</summary>
    public static readonly Cue[] Progressive = Cues(
        "blir slag*|attack*|misshandl*|förfölj*|jagad*|knivhugg*|rånad*|överfall*|nerslag*",
        "being attack*|follow*|chas*|hit|beaten|threaten*|stalk*|assault*|robbed|mugged|stabbed");

    /// <summary>Threats and violence: acute with a now-marker, fear or a cry for help; otherwise a report.</summary>
    public static readonly Cue[] Danger = Cues(
        "*hot* -hotell -hotel -hotmail -hotline -hotspot -hotdog", "threat*", "slå", "slog", "slag* -slags", "misshandl*", "*misshandl*",
        "assault*", "attack*", "förfölj*", "följ* efter", "stalk*", "follow*", "döda", "dödar", "mörda*", "kill*", "skjut*", "shoot*",
        "jaga*", "chas*", "*våld*", "violen*", "överfall*", "rånad*", "rånade", "robbed", "*knuff*", "spark*", "hit", "beaten", "stab*",
        "hurt*", "injur*", "skadad*", "punch*", "kick*", "slapped", "örfil*", "*inbrott*", "intrång*", "breakin", "burglar*");

    public static readonly Cue[] Now = Cues("nu", "just nu", "now", "right now", "omedelbart", "fortfarande", "still", "kvar");

    public static readonly Cue[] Fear = Cues("rädd", "livrädd", "unsafe", "fara", "danger*", "scared", "afraid", "terrified", "panik", "panic", "ensam hemma", "alone");

    /// <summary>It happened before: the member is telling, not in danger now (unless they also say "nu").</summary>
    public static readonly Cue[] Past = Cues(
        "igår", "i går", "förrgår", "förra", "måndags|tisdags|onsdags|torsdags|fredags|lördags|söndags", "sedan", "senaste", "tidigare",
        "veckor*", "månader*", "yesterday", "last", "ago", "earlier", "weeks", "months");

    public static readonly Cue[] CryForHelp = Cues("hjälp", "help", "sos");

    /// <summary>"Hjälp mig att rapportera" asks for assistance, not rescue.</summary>
    public static readonly Cue[] HelpMeTo = Cues("hjälp* mig att|med|hur|göra", "help me with|to|report|understand|find");

    public static readonly Cue[] Hypothetical = Cues("om", "ifall", "if", "in case", "när man", "what if");

    // ---- Report: something happened ----

    public static readonly Cue[] Harm = Cues(
        "trakas*", "*trakas*", "harass*", "*hat* -hatt -somewhat -chatt -hatch", "hate*", "ofred*", "*ofred*", "kränk*", "förolämp*", "förtal*",
        "*klott*", "graffiti", "spray*", "sprej*", "*skadegör*", "vandal*", "kross*", "punkter*", "repat", "repad*", "sönder*", "*sönder*", "kasta* ägg|sten*|färg|*bomb*", "egg*", "threw|thrown ?", "aggressiv*",
        "ringer och lägger på", "tysta samtal", "ringer hela tiden", "keeps calling|messaging|emailing|texting", "smashed", "broken",
        "hack*", "kapat", "kapad*", "hijack*", "dox*", "uthäng*", "hängt ut", "mut* -mute", "bribe*", "påtryck*", "pressur*", "otillåten påverkan",
        "undue influence", "utpress*", "blackmail*", "spott*", "spit*", "okväd*", "hakkors*", "swastika", "förrädare", "*förrädare",
        "otäck*", "obehag*", "konstig*", "misstänk*", "weird", "strange", "suspicious", "kusligt", "creepy", "nasty", "disturbing", "anonym*", "skrek", "insult*", "abus*", "smear*",
        "defam*", "slander*", "rumo*", "rykte*", "*hets*", "hängas", "förnedr*", "sexuell*", "watch my|your back", "akta mig|dig",
        "se mig|dig om", "vet var ? bor", "vet var mina|min ?", "vet vilken bil", "know|knows where ? live*", "knows where",
        "erbjöd|lovade mig", "offered|promised me");

    /// <summary>Publishing combined with something private is doxning.</summary>
    public static readonly Cue[] Publish = Cues(
        "publicer*", "lagt|lägger|lagts|lade ut", "spridit", "posted", "published", "shared", "leaked", "put up");

    public static readonly Cue[] Private = Cues(
        "adress*", "address*", "hus", "huset", "hem*", "bild*", "foto*", "photo*", "picture*", "*nummer*", "phone*", "number", "barn", "kids",
        "children", "var jag bor", "where i live");

    public static readonly Cue[] ReportWords = Cues(
        "rapport*", "*anmäl*", "report*", "händelse*", "incident*", "tillbud", "avvikelse*");

    /// <summary>The member tells of an event, which turns "..., vad gör jag?" into a report.</summary>
    public static readonly Cue[] Event = Cues("blev", "fick", "fått", "har blivit", "hotades", "was", "were", "got", "received", "have been", "has been");

    // ---- Question ----

    public static readonly Cue[] QuestionWords = Cues(
        "hur", "vad", "vem", "vems", "vilken", "vilket", "vilka", "vart", "varför", "how", "what", "who", "whom", "which", "why", "where", "when");

    /// <summary>Swedish verbs that open a question only before a subject ("kan jag", "finns det").</summary>
    public static readonly Cue[] QuestionVerbs = Cues(
        "kan", "får", "måste", "ska", "skall", "bör", "borde", "finns", "är", "när", "var", "gäller", "behöver", "hjälper");

    public static readonly Cue[] Subjects = Cues(
        "jag", "man", "vi", "du", "ni", "det", "den", "partiet", "polisen", "kommunen", "någon", "min", "mina", "mitt");

    public static readonly Cue[] EnglishQuestionVerbs = Cues(
        "can", "could", "may", "should", "must", "do", "does", "is", "are", "will", "would", "shall");

    /// <summary>What members ask the guidance about.</summary>
    public static readonly Cue[] Topic = Cues(
        "*säker*", "*trygg*", "otrygg*", "osäker*", "*skydd*", "protect*", "safety", "safe", "secur*", "*polis*", "police", "*biträde*", "*stöd*", "support",
        "*larm*", "alarm*", "rädd", "adress*", "address*", "bevis*", "evidence", "dokument*", "document*", "skärmdump*", "screenshot*",
        "sociala medier", "social media", "pepparspray*", "självförsvar*", "self defen*", "insta*", "facebook*", "fb", "twitter", "online", "nätet", "internet", "bild*", "foto*",
        "anhörig*", "*familj*", "family", "relatives", "barn*", "kids", "children", "emergency", "*nummer", "number", "ring*", "call*",
        "*uppgift*", "data", "gdpr", "sparas", "lagras", "stored", "ansvar*", "responsib*", "kontakt*", "contact*", "vänd* mig", "vänd* jag|man mig", "tell", "prata|tala med", "talk to|with", "vad ska|bör jag göra",
        "vad gör jag", "what should|do i do",
        "*brott*", "crime*", "criminal", "olag*", "illegal", "legal", "påverkan", "influence", "politiker", "förtroendevald*", "elected");

    /// <summary>Topics specific enough to be a question even without a question form ("åtkomstskydd").</summary>
    public static readonly Cue[] KeyTopic = Cues(
        "åtkomstskydd*", "*biträde*", "stödperson*", "skyddad* adress*|personuppgift*", "krisstöd*", "brottsofferjour*",
        "personsäkerhet*", "säkerhetsansvarig*");

    // ---- Training ----

    public static readonly Cue[] Training = Cues(
        "*utbild*", "*kurs* -diskurs -konkurs", "*handbok*", "säkerhetssamtal*", "security talk*", "*training*", "course*", "workshop*",
        "seminari*", "webinar*", "webbinar*");

    // ---- My reports ----

    public static readonly Cue[] OwnReportsList = Cues(
        "mina rapport*|*anmäl*|ärende*|incident*|händelse*", "mina ? rapport*|*anmäl*|ärende*|incident*",
        "my reports|cases|incidents|submissions", "my ? reports|cases|incidents",
        "vad|det jag har rapporterat|anmält|skickat", "what i have reported|sent", "what i reported");

    public static readonly Cue[] OwnReport = Cues(
        "min rapport*|*anmäl*|ärende*|incident*", "min ? rapport*|*anmäl*", "my report|case|incident|submission", "my ? report|case",
        "det|jag rapporterade|anmälde|skickade", "i reported|sent|submitted");

    public static readonly Cue[] Status = Cues(
        "status", "visa", "se", "show", "list*", "läst", "läs*", "tittat", "titta*", "hänt", "händer", "fått", "mottag*", "received",
        "look*", "seen", "read", "happened", "happen*", "ändra*", "change*", "update*", "uppdater*", "besked", "svar", "answer*", "hört",
        "heard", "where is", "var är", "follow* up", "följa upp", "uppfölj*");

    // ---- Meeting ----

    public static readonly Cue[] MeetingNouns = Cues(
        "*möte* -promot -remote", "*sammanträ*", "*fullmäktig*", "kf", "ks", "*nämnd*", "*styrelse*", "beslut*", "omröstning*", "votering*",
        "medborgardialog*", "samråd*", "debatt*", "meeting*", "council*", "vote", "voting", "decision*", "board", "hearing*", "town hall",
        "assembly", "debate*", "session*");

    public static readonly Cue[] Ahead = Cues(
        "nästa", "imorgon", "i morgon", "kommande", "inför", "snart", "ska", "skall", "kommer att",
        "måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag", "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december",
        "next", "upcoming", "tomorrow", "monday|tuesday|wednesday|thursday|friday|saturday|sunday", "soon", "will", "going to", "this week|month");

    public static readonly Cue[] Heated = Cues(
        "*känslig*", "kontrovers*", "controvers*", "stökig*", "het", "hett", "heta", "heated", "rowdy", "arg*", "*ilsk*", "upprör*",
        "demonstr*", "protest*", "publik*", "public", "mycket folk", "många", "media", "tumult*", "oro*", "bråk*", "stormig*", "laddat",
        "angry", "upset", "expect*", "crowd*", "kan bli");

    public static readonly Cue[] Notice = Cues(
        "förvarn*", "varna*", "tipsa*", "informera*", "meddela*", "heads up", "notify*", "warn*", "flag*", "let you know",
        "säkerhetsenhet*", "security unit|team", "anmäl* ett|om|en *möte*|*sammanträ*|meeting*", "report a|an|the meeting*",
        "borde veta", "i förväg", "in advance", "ahead");

    // ---- Help ----

    public static readonly Cue[] Greetings = Cues(
        "hej", "hejsan", "hejhej", "hallå", "tja", "tjena", "tjenare", "morrn", "god morgon|dag|kväll|eftermiddag", "hi", "hello", "hey", "hiya",
        "good morning|afternoon|evening", "yo");

    public static readonly Cue[] HelpWords = Cues(
        "hjälp", "help", "meny", "menyn", "menu", "start", "starta", "börja", "options", "alternativ*", "vad kan du|den", "what can you|this", "hjälpa mig",
        "hur funkar|fungerar", "how does this", "bot", "boten", "kommandon", "commands");

    /// <summary>Words that may surround a greeting or a call for the menu without asking for anything else.</summary>
    public static readonly Cue[] HelpVocabulary = [.. Greetings, .. HelpWords, .. Cues(
        "god", "morgon", "dag", "good", "morning", "där", "there", "du", "you", "kan", "can", "vad", "what", "göra", "do", "mig", "me", "med",
        "with", "visa", "show", "the", "den", "här", "this", "om", "är", "is", "och", "and", "please", "snälla", "funkar", "fungerar",
        "works", "work", "does", "hur", "how", "hjälpa", "i", "jag", "vill", "se", "want", "see", "till", "to", "for", "oss", "us", "all", "alla")];

    /// <summary>Words typo tolerance must leave alone: every whole word above, and common words near them ("till" is not "still").</summary>
    public static readonly HashSet<string> KnownWords = new(
        typeof(IntentLexicon).GetFields()
            .Where(f => f.FieldType == typeof(Cue[]))
            .SelectMany(f => (Cue[])f.GetValue(null)!)
            .SelectMany(c => c.Words)
            .Concat(Cues(
                "och att det som en ett jag du han hon vi de dem till med på för av om inte har är var kan ska vill från efter under när hur",
                "min mitt mina din ditt dina sin sitt sina hans hennes vår vårt våra deras man men eller så också bara mycket lite några någon",
                "något inget ingen alla andra här där nu då sedan mot utan över innan ingen heller även redan igen aldrig alltid",
                "the and to of in on at my me is are was were be been have has had it this that there their they them then than",
                "with from for about into after before still till will would could should what when where which who why how your you",
                "our we us not no yes all some any other just only also very much more most")
                .SelectMany(c => c.Words)),
        StringComparer.Ordinal);

    private static Cue[] Cues(params string[] patterns) => [.. patterns.Select(Cue.Parse)];
}
