namespace Trygg.Conversation.Intents;

/// <summary>
/// The words the recogniser listens for, as data (see <see cref="Cue"/> for the pattern syntax). Written with
/// å/ä/ö; they are folded like the member's text. Add words here rather than rules in the recogniser.
/// </summary>
internal static class IntentLexicon
{
    // ---- Acute: danger now, by kind ----

    /// <summary>Weapons, fire, break-ins, violence in the present tense, someone following: acute on their own.</summary>
    public static readonly Cue[] DangerNow = Cues(
        "*kniv* -knivig", "=knv", "=kinv", "=knvi", "*vapen*", "pistol*", "gevär*", "revolver*", "yxa", "yxan", "basebollträ*", "tillhygge*", "järnrör*", "skjuter",
        "knife", "knives", "gun", "guns", "gunman", "weapon*", "armed", "rifle*", "shooting", "machete", "axe",
        "under attack");

    /// <summary>"akut": danger now, unless said not to be ("inte akut", "ingen akut fara": <see cref="NotUrgent"/>).</summary>
    public static readonly Cue[] Urgent = Cues("akut*");

    /// <summary>
    /// Calling the police: acute when told or cried ("ring polisen!!"), but asked ("ska jag ringa polisen om hotet?") it is
    /// a question about what to do, answered by the guidance, unless something else in the message says danger now.
    /// </summary>
    public static readonly Cue[] CallPolice = Cues("ring|ringa polisen", "call the police");

    /// <summary>The member asks the bot to call for them ("kan du ringa 112 åt mig"): danger now, question or not.</summary>
    public static readonly Cue[] CallForMe = Cues(
        "ring|ringa|larma 112|polisen|ambulans åt|för mig|oss", "call 112|911|999|police|ambulance for me|us", "call an|the ambulance|police for me|us",
        "kommer|kmr inte|int fram|igenom till|på 112", "når inte 112", "funkar|går inte att ringa 112", "112 svarar|funkar|går inte", "ingen svarar på 112", "ringer 112 men",
        "får|fa inte tag på 112", "112 är|e upptaget", "cant|cannot call|reach 112", "112 doesnt|wont connect|answer|work", "112 does|will not connect|answer|work",
        "112 not|isnt answering", "no answer on|from 112");

    /// <summary>Something burning, smoke, petrol: acute unless told as past.</summary>
    public static readonly Cue[] Fire = Cues(
        "brinner", "brand", "branden", "*brandbomb*", "*brandrök*", "rök", "röken", "ryker", "osar", "eld", "elden", "*eldsvåda*", "lågor*",
        "tänt på", "tänder på", "tända eld", "satt|satte|sätter|sätta|tänt|tände|tänder eld", "eld på", "antänt*", "antänd*", "tändare*",
        "bensin*", "luktar gas|bensin|rök", "molotov*",
        "fire", "burning", "smoke", "flames", "petrol", "gasoline", "lighter", "gas smell", "smell* gas|petrol|smoke|burning",
        "set fire|alight", "set ? on fire|alight", "lighting it|them|my|our|the", "häller|hällde|hällt bensin|något|nåt|vätska",
        "pouring|poured petrol|gasoline|fuel|something|liquid", "set ? ? on fire|alight", "torched", "firebomb*", "fire|petrol bomb*");

    /// <summary>Someone getting in, or already inside: acute unless told as past.</summary>
    public static readonly Cue[] Intrusion = Cues(
        "bryt* sig in", "bröt sig in", "ta|tar|tagit sig in", "trängt|trängde|tränger sig in", "försöker öppna|komma|ta|bända|bryta|sparka",
        "bänd* upp", "bända", "bänder", "sparkar in|upp|sönder", "slår|slog sönder|in", "krossa* -krossat fönster", "kommit|kommer in i",
        "inne i lägenheten|huset|hemmet|bostaden|lokalen|bilen|rummet", "i hallen|vardagsrummet|köket|sovrummet|källaren|garaget",
        "hör steg|ljud|någon|nån", "dom|de|han|hon|nån|någon|ngn är inne|inomhus|därinne",
        "break* in|into|down|through|the|my|our", "broke in|into", "breaking", "trying to get|break|open|force", "forcing", "smashed",
        "inside my|our|the house|home|flat|apartment|car", "in my|our house|home|flat|apartment|car|garden|yard|hallway|garage", "in the back seat",
        "can hear them|someone|him|footsteps", "broken window", "they|he|she|someone is|are inside|in here");

    /// <summary>Things people throw at a home, a car or a person: stones, eggs, bottles, fireworks, anything.</summary>
    private static readonly string[] Missiles =
    [
        "sten*", "*sten", "*stenar", "ägg", "äggen", "flask*", "*flaska", "*flaskor", "tegel*", "färg*", "*bomb*", "smällare*", "raket*",
        "fyrverkeri*", "föremål", "något", "nåt", "saker", "grejer", "rock*", "stone*", "brick*", "bottle*", "egg*", "paint", "firework*", "bomb*",
        "something", "things", "objects",
    ];

    /// <summary>Throwing things as the member writes ("de kastar sten på huset", "they're throwing bottles").</summary>
    public static readonly Cue[] ThrownNow = Near(["kastar", "slänger", "vräker", "throwing", "throws", "hurling", "lobbing"], Missiles);

    /// <summary>Things thrown, told in the past or perfect ("någon har kastat in en flaska"): danger now when just now.</summary>
    public static readonly Cue[] ThrownDone = [
        .. Near(["kastade", "kastat", "kastats", "slängde", "slängt", "threw", "thrown", "hurled"], Missiles),
        .. Cues("kom|flög|åkte genom rutan|glaset", "kom|flög|åkte ? genom rutan|glaset", "kom flygande genom", "sten|stenen|tegelsten|flaska|flaskan kom|flög in|genom",
            "something|rock|stone|brick|bottle just came|flew through|into", "something|rock|stone|brick|bottle came|flew through")];

    /// <summary>"ska jag öppna?" with someone at the door ("han säger att han e från elbolaget"): someone near.</summary>
    public static readonly Cue[] OpenTheDoor = Cues("ska|skall|vågar|borde jag öppna", "should|shall i open", "ska|skall jag släppa in honom|henne", "should i let him|her in");

    /// <summary>The member is hiding or shut in: acute.</summary>
    public static readonly Cue[] Hiding = Cues(
        "göm* mig|oss", "gömt mig|oss", "*gömd*", "inlåst*", "instängd*", "barrikad*", "barricad*", "låst|låser|last in mig|oss", "låst mig|oss in|ute", "låste mig|oss in|ute", "sitter fast", "fast i hissen",
        "hiding", "hid", "hide", "locked myself|ourselves|in", "lights off", "trapped", "stuck in");

    /// <summary>Someone is hurt: acute unless told as past.</summary>
    public static readonly Cue[] Injury = Cues(
        "blöder", "blöda", "blod*", "blodig*", "*skadad*", "skadat", "nedslagen", "nerslagen", "slagen", "slogs ned|ner", "medvetslös*",
        "strypgrepp*", "stryper", "knivhugg*", "ser dubbelt", "ligger på marken", "andas inte",
        "slog|slagit|sparkade|sparkat|knuffade|knuffat|högg|huggit|sköt|skjutit|skar|skurit|ströp|strypt|misshandlade mig|oss|honom|henne",
        "kan inte andas|stå|gå|resa", "får inte luft", "svimma*", "bruten|brutit|bröt armen|benet|näsan", "hjärnskakning",
        "bleeding", "blood", "injured", "hurt", "knocked down|out|over", "unconscious", "stabbed", "punched me", "hit me", "choking", "strangl*",
        "cant|cannot breathe|stand|walk|move", "can not breathe", "hard to breathe", "passing|passed out", "concussion",
        "hit|punched|kicked|stabbed|shot|beat|attacked me|us|him|her", "beat me|us up");

    /// <summary>Violence as it happens ("slår på rutan", "banging on the roof").</summary>
    public static readonly Cue[] ViolenceNow = Cues(
        "slår", "sparkar", "bankar", "misshandlar", "knuffar", "river", "skriker", "kastar", "hitting", "hits me", "beating", "punching", "kicking",
        "banging", "attacking", "stabbing", "fighting", "screaming", "throwing",
        "sten|stenar|stenen|tegelsten genom|mot|på|in", "rock|rocks|stone|stones|brick through|at");

    /// <summary>Someone is here, at the door, around the house or car, on the way, waiting for the member.</summary>
    public static readonly Cue[] Presence = Cues(
        "står utanför|vid|i|på|runt|framför|kvar|och", "sitter utanför|vid|kvar|framför", "är utanför",
        "utanför mitt|min|mina|vårt|huset|dörren|fönstret|porten|sovrumsfönstret",
        "vid min|mitt|vår dörr|fönster|bil|bilen|cykel", "vid dörren|fönstret", "i mitt|vårt hus|kök|hem|sovrum", "i huset|trädgården|trappan|trapphuset|porten|hallen",
        "knackar på dörren",
        "på tomten", "är i lägenheten|huset|hemmet|bostaden|köket|hallen|trapphuset|källaren|garaget", "är här", "e här", "är kvar", "kvar i|på|utanför", "vägrar gå|lämna|flytta", "runt huset|bilen", "*omring*", "stirrar in", "tittar in",
        "vägrar", "går|gick inte härifrån|därifrån", "vill|tänker inte gå|åka|lämna", "lämnar inte", "stannar kvar", "will not leave|go|move", "refuses|refused to leave|go|move",
        "wont|doesnt go away|leave", "does not go away|leave", "wont|will not let me|us leave|go|out|past", "låter mig|oss inte gå|gå ut|komma ut|lämna", "han|hon|dom|de|någon|nån|mannen|killen är|står|sitter|väntar där|därute|därinne",
        "bevakar", "lyser in", "lyser in genom", "shining a torch|light|flashlight into|in", "filmar|fotograferar mig|oss|vårt|mitt|huset", "knackar|bankar på", "spanar på", "ringer på", "väntar på mig|oss|dig", "väntar vid|utanför", "letar efter mig|oss", "frågar efter mig",
        "kommer uppför|hit|in|mot|tillbaka", "kommer hem till", "på väg hit|in|mot", "går mot", "genom brevinkastet", "mellan mig och",
        "is|are outside", "outside my|our|the house|door|home|window", "still outside", "at my|the door", "in my|our garden|yard|drive",
        "is|are here", "watching me|my|our|us", "filming|photographing me|us|my|our", "staring at", "there is someone|somebody|a", "wont leave|move", "surround*", "circling", "walking up|towards",
        "coming up|for|towards", "coming to get|my|our", "waiting for me|outside", "looking for me", "asking for me", "blocking", "between me and", "stalker", "in my car");

    /// <summary>Someone on the way to the member ("vi kommer snart", "vi ses ikväll hos dig", "they're coming").</summary>
    public static readonly Cue[] Coming = Cues(
        "kommer snart|nu|ikväll|hit|hem|efter|till dig|till mig", "vi|de|dom|han|hon kommer", "vi ses", "ses ikväll", "hos dig|dej",
        "on their|his|her way", "coming", "will come", "will be there", "see you tonight");

    /// <summary>Someone being somewhere: with <see cref="Place"/> it is presence ("det står en man i vår trädgård").</summary>
    public static readonly Cue[] PresenceVerb = Cues(
        "står", "sitter", "väntar", "smyger", "går runt|omkring", "springer", "hänger", "finns någon|nån|en", "är någon|nån|en|två|tre", "stands", "standing",
        "sitting", "waiting", "lurking", "hanging around", "walking", "someone|somebody|a man|a guy|he|she|they is|are|was", "there is|are",
        "han|hon|dom|de|någon|nån|mannen|killen|personen|killarna|männen|gänget är|står|sitter|väntar|smyger|gömmer");

    /// <summary>Where the member lives, works or is: the home, its doors and garden, the car, the office.</summary>
    public static readonly Cue[] Place = Cues(
        "*hus", "*huset", "*dörr*", "*fönst*", "trädgård*", "tomten", "hall", "hallen", "trappan", "trapphus*", "port", "porten", "garage*",
        "balkong*", "altan*", "veranda*", "uppfart*", "bilen", "min bil", "kontor*", "lägenhet*", "hemma", "hem", "hemmet",
        "källare*", "förråd*", "tvättstug*", "gården", "innergård*", "entré*", "baksida*", "framsida*", "grind*", "staket*", "brevlåd*",
        "trappuppgång*", "hiss*", "farstu*", "parkering*", "infart*",
        "house", "home", "door*", "window*", "garden", "yard", "drive*", "porch", "hallway", "stairs", "garage", "car", "office", "flat", "apartment",
        "balcon*", "basement", "cellar", "shed", "gate", "stairwell", "staircase", "lobby", "backyard", "doorstep", "entrance", "letterbox", "mailbox",
        "parking", "lift", "elevator");

    /// <summary>Someone following the member.</summary>
    public static readonly Cue[] Pursuit = Cues(
        "följer efter", "följ* med mig", "följs av", "*förfölj*", "jagar", "jagas", "springer efter", "kör efter", "kört efter", "kör|kört|åker|åkt bakom mig", "svänger där jag svänger",
        "följer henne|honom|dem|dom|oss|barnen|min|mitt|mina", "jagad", "har följt|kört|åkt efter mig|oss", "följt efter mig|oss",
        "bakom mig|oss sen|sedan|hela", "har följt|följer mig|oss", "svänger när jag|vi svänger", "following", "follows", "behind me", "chasing", "tailing");

    /// <summary>Harm that is happening to the member as they write ("jag blir slagen", "I'm being followed").</summary>
    public static readonly Cue[] Progressive = Cues(
        "blir|blev upptryckt|uppträngd|fasthållen|nedbrottad|nerbrottad|knuffad|sparkad|nerslagen|nedslagen|slagen",
        "inbrott|slagsmål|attack*|överfall* pågår", "pågående inbrott|attack*|överfall*", "break-in|attack|assault in progress",
        "blir slag*|attack*|misshandl*|förfölj*|jagad*|knivhugg*|rånad*|överfall*|nerslag*|hotad*|följd",
        "being attack*|follow*|chas*|hit|beaten|threaten*|stalk*|assault*|robbed|mugged|stabbed",
        "hotas nu|med");

    /// <summary>"om", "if": two words before harm ("om jag blir hotad") they make it asked ahead.</summary>
    public static readonly Cue[] IfWords = Cues("=om", "=ifall", "=när", "=if", "=when");

    /// <summary>
    /// An if-clause opening ("om jag", "när någon", "if someone"): with it, harm up to four words on is asked about ahead
    /// ("när någon av oss blir hotad"); "om" alone may mean "about" ("bråkar om beslutet, jag blir knuffad").
    /// </summary>
    public static readonly Cue[] IfClause = Cues(
        "om|ifall|när jag|man|någon|nån|vi|du|ni|han|hon|de|dom|det|min|mitt|mina", "if|when i|we|you|someone|somebody|he|she|they|it|my");

    /// <summary>Harm asked about ahead ("om jag blir hotad", "if I get attacked"): the conditional, not happening now.</summary>
    public static readonly Cue[] IfBecoming = Cues("om|ifall|när jag|man|vi|du|ni blir", "if|when i|we|you get|am|are|were");

    /// <summary>
    /// What a member asks about an event ahead when it is a notice: guards, the security unit being there or knowing
    /// ("behöver vi vakter", "ska jag meddela nån", "who should know").
    /// </summary>
    public static readonly Cue[] Protection = Cues(
        "vakt*", "*väktare*", "bevakning*", "ordningsvakt*", "säkerhet*", "polis*", "skydd*", "veta", "känna till", "meddela*", "informera*",
        "varna*", "vara med", "vara där", "förbered*", "behöver vi|jag", "guard*", "security", "police", "protection", "know", "be there",
        "prepare*", "need", "warn*", "notify*", "tell");

    /// <summary>A threat for tonight or the coming hour: "ikväll kommer vi", "the letter said tonight".</summary>
    public static readonly Cue[] Tonight = Cues(
        "ikväll", "i kväll", "ikväll*", "tonight", "kl", "klockan", "om en timme|halvtimme|kvart", "om ? min|minuter", "in an hour", "in ? minutes", "snart", "soon");

    /// <summary>
    /// The evening or the coming hour named outright ("ikväll", "tonight", "om en timme"): unlike "snart" or "kl" it
    /// fixes a threat to the next hours, so with <see cref="Arrival"/> it is acute however the message ends.
    /// </summary>
    public static readonly Cue[] ThisEvening = Cues(
        "ikväll", "i kväll", "ikväll*", "ikvälls", "tonight", "this evening", "om en timme|halvtimme|kvart", "in an hour|half hour",
        // "inatt" is also last night ("i natt tände nån eld"): tonight only with something that will happen
        "ska|skall|kommer inatt", "ska|skall|kommer ? inatt", "ska|skall|kommer ? ? inatt", "ska|skall|kommer i natt", "ska|skall|kommer ? i natt",
        "ska|skall|kommer ? ? i natt");

    /// <summary>
    /// Someone arriving at the member, said any way round: coming or coming back, to them, outside their home, a
    /// visit ("ikväll kommer vi till dig", "de lovade att komma tillbaka", "we'll be outside your house").
    /// </summary>
    public static readonly Cue[] Arrival = Cues(
        "kommer|komma|kommit vi|de|dom|han|hon|hit|hem|tillbaka|förbi|över|efter", "kommer ? till dig|dej|mig|er|oss", "till dig|dej|er",
        "hem till", "hos dig|dej|er", "hälsa|hälsar på", "vara|står|stå|väntar|vänta|sitter utanför", "vid din|ditt|er|ert",
        "come|comes|coming|came back|for|to|over|round|after", "coming", "be back|there|here|waiting|round|outside", "wait|waiting|stand|standing outside",
        "visit you", "pay you", "at your door", "your house|home|door|place|flat|apartment");

    /// <summary>
    /// An arrival aimed at the member or passed on as a threat ("hem till dig", "your house", "fick sms", "han sa att",
    /// "de lovade"): what tells "ikväll kommer vi till dig" from "jag kommer hem sent ikväll".
    /// </summary>
    public static readonly Cue[] AimedOrRelayed = Cues(
        "till dig|dej|er|mig|oss", "hos dig|dej|er|mig|oss", "på dig|dej", "efter dig|dej|mig", "vid din|ditt|er|ert|min|mitt",
        "sms*", "mejl*", "mail*", "meddelande*", "brev*", "sa|sade|sagt|säger att", "lovade|lovat|lovar", "hotade|hotat|hotar", "skrev|skrivit",
        "ringde|ringt", "samtal", "dm", "to you|me", "for you|me", "after you|me", "visit you", "pay you", "at your door", "your house|home|door|place|flat|apartment",
        "said", "says", "told me", "promised", "threatened", "wrote", "text*", "message*", "email*", "letter", "call", "called", "voicemail");

    /// <summary>Threats and violence: acute with a now-marker, fear or a cry for help; otherwise the safety question.</summary>
    public static readonly Cue[] Danger = Cues(
        "*hot* -hotell -hotel -hotmail -hotline -hotspot -hotdog", "threat*", "slå", "slog", "slag* -slags", "misshandl*", "*misshandl*",
        "assault*", "attack*", "förfölj*", "följ* efter", "stalk*", "follow*", "döda", "dödar", "mörda*", "kill* -kille -killar", "skjut*", "shoot*",
        "jaga*", "chas*", "*våld*", "violen*", "överfall*", "rånad*", "rånade", "robbed", "*knuff*", "spark*", "hit", "beaten", "stab*",
        "hurt*", "injur*", "skadad*", "punch*", "kick*", "slapped", "örfil*", "*inbrott*", "intrång*", "breakin", "burglar*", "grabbed",
        "smäller", "brann", "gör slut på", "straff*", "ångra*", "få se", "få sota|plikta", "sota för", "ska få betala|lida|ångra", "or else", "youll|gonna pay|regret", "you will pay|regret", "hälsa på", "hem till dig|dej", "vet var du bor", "kommer efter dig");

    /// <summary>
    /// A person (or their car) as the one acting: with a now or again marker it may be danger now, so the member is
    /// asked "Är du i säkerhet just nu?" ("han igen, i trappuppgången", "polisen har inte kommit och han e kvar").
    /// </summary>
    public static readonly Cue[] Someone = Cues(
        "=han", "=hon", "=nån", "=någon", "=dom", "killar*", "en|ett|två|tre|flera man|män|kille|killar|person|personer|bil|bilar|moped|gäng",
        "mannen", "killen", "personen", "kvinnan", "=folk", "=bilen", "den bilen", "samma bil", "en kvinna", "okänd*", "främling*",
        "en|ett|två ? kille|killar|person|personer|bil|bilar|skåpbil|gäng", "same car|guy|van|person|people", "=he", "=she", "=they", "=him", "=them", "someone", "somebody", "a|the man|guy|car|van|group|woman|stranger", "two|three|some men|guys|cars|people", "strangers");

    /// <summary>
    /// Harsh, rude or wrong-feeling ("flera ganska grova", "otrevligt sms", "kändes fel"): harm only when something written
    /// or aimed at the member goes with it ("vidrigt väder", "massa skit att göra" are not).
    /// </summary>
    public static readonly Cue[] Harsh = Cues(
        "=grova", "=grovt", "=grov", "otrevlig*", "vidrig*", "skitsnack*", "rude", "vile", "disgusting");

    /// <summary>"kändes fel", "felt off": harm when something was aimed at the member ("ringde mig ... kändes fel").</summary>
    public static readonly Cue[] FeltWrong = Cues("kändes|känns|kännas fel|olustigt|olustig|obekvämt|läskigt", "felt|feels|feeling off|wrong|unsafe");

    /// <summary>Someone of the member's not come home and not answering: read together with <see cref="NoAnswer"/>.</summary>
    public static readonly Cue[] NotHome = Cues("kom inte hem", "har inte kommit hem", "didnt come home", "did not come home", "hasnt come home", "not home yet");

    public static readonly Cue[] NoAnswer = Cues("svarar inte", "svarar int", "isnt|not answering", "doesnt|does not answer", "no answer");

    /// <summary>"nån annan", "someone else": another person to turn to, not one acting.</summary>
    public static readonly Cue[] Else = Cues("=annan", "=annat", "=else");

    /// <summary>Someone the member does not name ("nån har klippt av strömmen"): with a clause opening on them, the bot asks.</summary>
    public static readonly Cue[] SomeoneUnknown = Cues("=nån", "=någon", "=ngn", "=nan", "someone", "somebody", "okänd*", "främling*", "stranger", "strangers");

    /// <summary>Words after which a clause begins: "och", "men", "nu", "plötsligt", "and", "now".</summary>
    public static readonly Cue[] ClauseOpeners = Cues(
        "=och", "=o", "=men", "=nu", "=sen", "plötsligt", "=typ", "=hjälp", "=and", "=but", "=now", "=then", "suddenly", "=help");

    /// <summary>It goes on or comes back, or is right next to the member: "igen", "rummet bredvid", "keeps", "this minute".</summary>
    public static readonly Cue[] Again = Cues(
        "=igen", "bredvid", "hela vägen", "slutar inte", "ger sig inte", "won't|wont|doesnt|does not stop", "efter sig|oss|mig", "=again", "keeps", "kept", "this minute", "next door|room", "all the way");

    /// <summary>A relative taken or held ("han har tagit barnen", "he has my daughter"): danger now unless told as past.</summary>
    public static readonly Cue[] Taken = Cues(
        "*kidnapp*", "bortförd*", "rövat bort", "har|hade tagit min|mitt|mina|barnen|dottern|sonen", "tog min|mitt|mina|barnen|dottern|sonen", "släpper inte barnen|min|mitt|mina",
        "abduct*", "has|took|taken|grabbed|holding my|our|the kids|children|daughter|son|child|baby|wife|husband",
        "vi|de|dom har honom|henne|barnen|din|ditt|dina", "we have|got him|her|your");

    /// <summary>Someone tried to take a child ("nån försökte hämta min dotter"): read with someone else as the one acting.</summary>
    public static readonly Cue[] TriedToTake = Cues(
        "försökte|försöker hämta|ta barnen|dottern|sonen|ungarna|honom|henne|dem|dom", "försökte|försöker hämta|ta min|mitt|mina|vår|våra",
        "tried|trying to pick up my|our|the kid|kids|children|child|daughter|son", "tried to pick them|him|her up", "tried to take|grab my|our|the kid|child|daughter|son");

    /// <summary>The member's family: threats to relatives are threats to the member.</summary>
    public static readonly Cue[] Relative = Cues(
        "min|mitt|mina|vår|våra dotter|son|söner|döttrar|fru|man|make|maka|sambo|barn|flickvän|pojkvän|mamma|pappa|familj|unge|ungar|bebis",
        "barnen", "ungarna", "dottern", "sonen", "frun", "familjen",
        "my|our wife|husband|partner|daughter|son|sons|daughters|kids|children|child|family|mum|mom|dad|baby|girlfriend|boyfriend", "the kids|children");

    /// <summary>Things dangerous in themselves: a burning object, a ticking or suspicious parcel.</summary>
    public static readonly Cue[] Hazard = Cues(
        "brinnande", "tickar", "tickande", "misstänkt* paket|föremål|försändelse", "ticking", "suspicious package|parcel|object|device",
        "dosa|låda|paket|lampa|sladd|sladdar|grej|pryl|sak under bilen", "dosa|låda|paket|lampa|sladd|sladdar|grej|pryl|sak under min|vår|hans bil",
        "fastsatt|fasttejpad|tejpad under bilen", "box|device|package|light|wires|thing under my|the|our car", "taped|attached under my|the|our car",
        "vitt pulver i|från kuvertet|kuvert|brevet|brev|paketet", "vitt pulver i|från ett|en kuvert|brev|paket", "pulver i kuvertet|brevet", "brev|kuvert med pulver",
        "white powder in|from the|an|a envelope|letter|parcel", "powder in the|an envelope|letter", "powder came out of the|an|a|my envelope|letter|parcel",
        "luktar|lukt|doft =gas", "smell|smells|smelling of|like =gas", "smell =gas");

    /// <summary>Something sent or left: with <see cref="DeviceParts"/> in the same message it is a suspicious device.</summary>
    public static readonly Cue[] Parcel = Cues(
        "paket*", "låda", "lådan", "kartong*", "kuvert*", "försändelse*", "parcel*", "package*", "box", "envelope*");

    /// <summary>Wires, which do not belong in a parcel or an envelope (a battery or a box alone is a member's alarm kit).</summary>
    public static readonly Cue[] DeviceParts = Cues("sladd*", "kablar", "wires", "wiring");

    /// <summary>The member's own equipment, which comes in parcels with wires ("paketet med kameran men sladden saknas").</summary>
    public static readonly Cue[] Equipment = Cues(
        "kamera*", "*larm -larma", "*larmet", "*larmen", "laddare*", "lamp*", "mobil*", "dator*", "telefon*", "router*", "skrivare*", "sensor*", "tv*",
        "camera*", "alarm*", "charger*", "phone*", "laptop*", "printer*", "doorbell*", "sensor*", "tv", "television");

    /// <summary>
    /// "What do I do now?" after something told ("tre män har satt sig runt mig ... vad ska jag göra"): the member asks what
    /// to do about what is happening, not a question about safety in general.
    /// </summary>
    public static readonly Cue[] WhatNow = Cues(
        "vad ska|bör|gör jag göra", "vad gör jag", "vad ska jag ta mig till", "what do|should i do", "what should i do", "what do i do now");

    /// <summary>Said not to be urgent ("inte akut"): the member is telling or asking, not in danger now.</summary>
    public static readonly Cue[] NotUrgent = Cues(
        "inte akut", "inget akut", "ingen akut|omedelbar fara", "no immediate danger", "not urgent", "not an emergency", "no emergency",
        "not now asking|just"); // "not now, asking in general"; a "not asking in general, its now" is not this

    /// <summary>Now said as now: the moment of writing, not "still" ("mår fortfarande dåligt" tells of after).</summary>
    public static readonly Cue[] NowSaid = Cues(
        "nu", "just nu", "now", "right now", "omedelbart", "precis", "har|hade just", "he|she|they|someone|somebody just", "currently", "at the moment", "as we speak");

    /// <summary>
    /// The member says it is over and they are safe ("nu är det lugnt", "han har gått", "I'm safe now"): what they tell
    /// is asked about, never met with the 112 card at once.
    /// </summary>
    public static readonly Cue[] SafeNow = Cues(
        "är i säkerhet", "i säkerhet nu", "nu är det lugnt", "det är lugnt nu", "är lugnt nu", "lugnt igen", "är trygg nu",
        "har gått|åkt|stuckit|försvunnit därifrån|härifrån", "han|hon|de|dom|mannen|killen har gått|åkt|stuckit|försvunnit", "han|hon|de|dom är borta",
        "polisen har varit här|där", "polisen har varit hos mig", "polisen kom", "i am|im safe", "safe now", "is|are gone", "he|she|they left", "he|she|they has|have left",
        "it is over", "calm now", "police came", "police have|has been", "police were here");

    public static readonly Cue[] Now = [.. Cues("fortfarande", "still", "kvar"), .. NowSaid];

    /// <summary>Now said outright, not "still" ("fortfarande ont"): with someone near, the present tells over a past in the same message.</summary>
    public static readonly Cue[] RightNow = Cues("just nu", "right now", "igen nu", "nu igen", "as we speak", "at this moment", "this minute");

    /// <summary>Minutes ago ("för en minut sen", "nyss", "5 minutes ago"): still happening, not told as past.</summary>
    public static readonly Cue[] Recent = Cues(
        "nyss", "alldeles nyss", "för ? minut|minuter|min|sekund|sekunder sen|sedan", "för ? ? minuter|min sen|sedan",
        "för en stund sen|sedan", "för en liten stund sen|sedan", "precis nu", "strax innan", "har precis|nyss hänt",
        "just now", "? minute|minutes|min|mins|seconds|second|moment|moments ago", "? ? minutes|mins|moments ago", "moments ago",
        "just happened", "happened just now");

    public static readonly Cue[] Fear = Cues("rädd", "livrädd", "unsafe", "fara", "vågar inte", "törs inte", "dare not", "dont dare", "don't dare", "danger*", "scared", "afraid", "terrified", "panik", "panic", "ensam hemma", "=ensam", "alone", "by myself");

    /// <summary>It happened before: the member is telling, not in danger now (unless they also say "nu").</summary>
    public static readonly Cue[] Past = Cues(
        "igår", "i går", "igår*", "förrgår", "=förra", "måndags|tisdags|onsdags|torsdags|fredags|lördags|söndags", "för ? sedan|sen", "för ? ? sedan|sen",
        "sedan dess", "senaste", "tidigare", "i morse", "imorse", "i somras|våras|höstas|vintras|julas|påskas", "efter att ha", "after being|having", "i januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december",
        "år sedan|sen", "=förut", "en gång", "veckor*", "månader*", "i fjol", "ifjol", "häromdagen|häromveckan|häromkvällen|häromnatten|häromåret",
        "härom dagen|veckan|kvällen|natten|året", "tidigare i år|årtal|veckan|höstas", "the other day|night|week", "back in", "previously", "used to", "a while back", "yesterday", "last night|week|weekend|month|year|time|summer|spring|autumn|winter|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday", "ago", "earlier", "for|past|several|few|many ? weeks|months|years", "for|past|several|few|many weeks|months|years", "this morning", "=once",
        "in january|february|march|april|may|june|july|august|september|october|november|december", "turned out", "visade sig",
        "on monday|tuesday|wednesday|thursday|friday|saturday|sunday", "mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays",
        // a past told by its clause or its distance: "när vi va på semester", "weeks after someone broke in"
        "när jag|vi|du|han|hon|de|dom var|va|kom|satt|stod|låg|bodde", "when i|we|he|she|they was|were", "veckor|månader|dagar|år efter", "weeks|months|days|years after");

    public static readonly Cue[] CryForHelp = Cues("hjälp", "help", "sos", "hjälpa", "rädda");

    /// <summary>Asking whether someone can help ("kan SKR hjälpa mig om ...", "can the city help"): a question, not a cry.</summary>
    public static readonly Cue[] HelpAsked = Cues("kan|could|can|får ? hjälpa|help", "kan|could|can ? ? hjälpa|help", "hjälpa till med", "help with");

    /// <summary>The member sees the person as they write ("jag ser honom sitta på läktaren nu"): with a now-marker, someone near.</summary>
    public static readonly Cue[] Seen = Cues(
        "ser|se honom|henne|dem|dom|mannen|killen|kvinnan|personen|bilen|gänget", "can see him|her|them|the", "i see him|her|them", "watching him|her|them");

    /// <summary>A sign of an emergency with nothing else said ("hjälp mig", "🆘", "jag är rädd"): the safety question.</summary>
    public static readonly Cue[] EmergencySign = Cues(
        "=hjälp mig|oss", "=help me|us", "sos", "rädd", "livrädd", "skräckslagen", "scared", "afraid", "terrified", "frightened", "panik", "panic", "in danger", "i fara",
        "vill inte dö", "dont want to die", "do not want to die");

    /// <summary>Not wanting to live: the safety question first, asked or told ("vill inte leva mer, vad ska jag göra?").</summary>
    public static readonly Cue[] Crisis = Cues(
        "vill inte|int leva", "vill inte|int finnas mer|längre", "orkar inte leva", "ta livet av mig", "vill =dö", "want to die", "kill myself",
        "dont want to live", "do not want to live", "end my life", "suicid*", "självmord*");

    /// <summary>A question about what one does in general ("när ska man ringa 112?"): advice, not an emergency.</summary>
    public static readonly Cue[] General = Cues(
        "ska|bör|kan|måste|brukar|får man", "när man", "one", "difference", "skillnad*", "rutin*", "routine", "procedure", "brukar", "usually", "normally", "alltid", "always",
        "övning*", "övade", "scenario*", "exercise", "drill", "utbildning*", "training", "läste", "read about", "reading about", "nyheter*", "news",
        "artikel", "article", "=film", "=filmen", "=filmer", "movie", "serie*", "*dröm*", "dream*", "nightmare*");

    /// <summary>Help wanted with a task ("han vill ha hjälp att logga in", "they need help with the new phones"): no cry.</summary>
    public static readonly Cue[] HelpWithTask = Cues("hjälp|hjalp att|med", "help to|with");

    /// <summary>"Hjälp mig att rapportera" asks for assistance, not rescue.</summary>
    public static readonly Cue[] HelpMeTo = Cues(
        "hjälp* mig att|med|hur|göra|förstå|förstår|fatta|reda", "help me with|to|report|understand|find",
        // support asked for ("kan han få hjälp nånstans", "söka stöd"), not a cry ("kan jag få hjälp? han är i huset" is one)
        "få|fa hjälp|stöd nånstans|någonstans|med|av|från|fran", "söka|hitta hjälp|stöd", "get|find help|support with|from|somewhere");

    public static readonly Cue[] Hypothetical = Cues(
        "om jag|man|någon|nån|det|han|hon|de|dom|ni|du|vi", "om en|ett ? -timm -halvtimm -kvart -minut -stund -sekund", "ifall", "if", "in case", "när man", "när någon|nån", "what if", "when someone|somebody",
        "tänk om", "anta att", "säg att", "låt säga", "=suppose", "=supposing", "imagine", "lets say", "say someone|somebody", "hypotetisk*", "hypothetical*");

    /// <summary>A threatener's condition ("om jag inte drar tillbaka motionen", "unless I resign"): a demand, not a hypothetical.</summary>
    public static readonly Cue[] Demand = Cues("om jag|du|ni|vi inte", "unless", "or else", "annars");

    /// <summary>The member as the subject: "jag står på valstugan" places the member, not someone near them.</summary>
    public static readonly Cue[] Self = Cues("=jag", "=vi", "=we");

    /// <summary>A hypothetical told in the conditional ("om någon skulle", "if someone were to"): no danger now, whatever the form.</summary>
    public static readonly Cue[] Conditional = Cues(
        "skulle", "=would", "were to", "=might", "tänk om", "anta att", "låt säga", "=suppose", "=supposing", "imagine", "lets say", "what if", "hypotetisk*", "hypothetical*");

    // ---- Contacts ----

    /// <summary>Asking whom to call or for a number or address: "vem ringer jag", "numret till", "who do I call".</summary>
    public static readonly Cue[] ContactAsk = Cues(
        "vem|vilka ringer|ring|ringa|kontaktar|kontakta|pratar|når|mejlar|är|e", "vem kan|ska|bör jag|man ringa|kontakta|prata|höra|nå|vända",
        "*nummer*", "*numret*", "nr", "nummret", "kontaktuppgift*", "kontaktinfo*", "kontaktperson*", "mejladress*", "mailadress*", "epost*",
        "hur når jag|man", "ge mig", "=kontakt", "=kontakten", "=telefon", "=tel", "=contact", "who do|should|can i|we call|contact|ring|talk|phone|email", "who is|is|are", "who to call|contact",
        "*number*", "contact details|info*|information", "how do i reach|contact", "give me", "email address",
        // reaching someone: "behöver prata m nån på säkerhetsavdelningen", "how do I get hold of the security unit"
        "prata|tala|snacka med|m", "få|får tag på|i", "få|får ? tag på|i", "få|får kontakt med", "komma i kontakt", "get hold of", "get in touch", "reach", "speak to|with", "talk to|with");

    /// <summary>Whom members ask for: the security unit, its on-call line, the party's security officer.</summary>
    public static readonly Cue[] ContactTarget = Cues(
        "*säkerhetsenhet*", "*säkerhetsavdelning*", "*säkerhetschef*", "*säkerhetsansvarig*", "*säkerhetssamordnar*", "säkerhet*", "*jour*",
        "stödtelefon*", "*stödlinje*", "tib", "beredskap*", "security", "on call", "oncall", "on-call", "duty officer", "support line", "hotline",
        "ringer jag", "ringa", "call", "kommunen", "the city", "the municipality", "support", "24/7", "24 7", "dygnet runt",
        "nån|någon|ngn som kan", "nån|någon|ngn att prata|ringa", "someone|somebody who can|to talk|to call");

    /// <summary>
    /// Who is responsible ("vem ansvarar för min säkerhet", "who handles my safety then?"): how responsibility is shared,
    /// which the guidance answers, not a number to call. "säkerhetsansvarig" names a person to contact and is not here.
    /// </summary>
    public static readonly Cue[] Responsibility = Cues(
        "ansvarig|ansvarar|ansvaret|ansvar för", "har ansvar*", "responsible|responsibility for", "responsibility", "in charge of",
        "handles|handle|manages|manage|covers my|our", "hanterar|sköter min|mitt|mina|vår|vårt|våra");

    /// <summary>Asking who: "vem", "vilka", "who", with a <see cref="ContactVerb"/> anywhere it asks for a person to turn to.</summary>
    public static readonly Cue[] WhoWord = Cues("=vem", "=vilka", "=vilken", "=vart", "=who", "=whom");

    /// <summary>Reaching a person: calling, contacting, talking to, turning to ("vem på partikansliet ska jag prata med").</summary>
    public static readonly Cue[] ContactVerb = Cues(
        "ringa|ringer|ring", "kontakta*", "prata|tala|pratar|talar med", "vända|vänder|vänd mig", "höra av mig",
        "har hand om", "sköter", "call", "contact", "talk|speak to|with", "turn to", "reach", "get in touch", "handles", "deals with");

    /// <summary>Contact questions that need no target ("vem ringer jag?", "jouren").</summary>
    public static readonly Cue[] ContactAlone = Cues(
        "vem ringer jag", "vem kan jag ringa|prata med", "vem ska jag ringa", "jouren", "jour", "jour* -journal", "säkerhetsjour*", "beredskapsjour*",
        "vem ringer|ringa|kontaktar|kontakta jag|man", "vem kan hjälpa mig|oss", "vart|vem vänder jag mig", "vart ska jag vända mig", "vem ska jag vända mig till",
        "polisens nummer|telefonnummer|nr", "numret|nummer|nr till polisen", "the police number|phone number", "police phone|non-emergency number",
        "who do i call", "who can i call|talk to", "who should i call", "who can help me|us", "who do i turn to", "who to call|contact", "who to turn to");

    // ---- Told: something happened, said in the past ----

    /// <summary>Acknowledgements with nothing asked ("tack", "ok"): the menu of what the member can do, not the guidance.</summary>
    public static readonly Cue[] Acknowledgement = Cues(
        "tack", "tackar", "tusen tack", "ok", "okej", "okay", "bra", "toppen", "fint", "perfekt", "thanks", "thank you", "thx", "great", "fine", "nice", "cool", "ja", "nej", "yes", "no");

    // ---- Report: something happened ----

    public static readonly Cue[] Harm = Cues(
        "trakas*", "*trakas*", "harass*", "*hat* -hatt -somewhat -chatt -hatch", "hate*", "ofred*", "*ofred*", "kränk*", "förolämp*", "förtal*",
        "*klott*", "graffiti", "spray*", "sprej*", "*skadegör*", "vandal*", "kross*", "punkter*", "repat", "repad*", "sönder*", "*sönder*", "kasta* ägg|sten*|färg|*bomb*", "egg*", "threw|thrown ?", "aggressiv*",
        "ringer och lägger på", "tysta samtal", "ringer hela tiden", "keeps calling|messaging|emailing|texting", "smashed", "broken window|windows|glass|door|lock|locks|into|mirror|tyres|tires", "window|windows|door|glass|car was|is|were|are|got broken",
        "hack*", "kapat", "kapad*", "hijack*", "dox*", "uthäng*", "hängt ut", "mut* -mute", "bribe*", "påtryck*", "pressur*", "otillåten påverkan",
        "undue influence", "utpress*", "blackmail*", "spott*", "spit*", "okväd*", "hakkors*", "swastika", "förrädare", "*förrädare",
        "*otäck*", "*obehag*", "*hemsk*", "elak*", "horrible", "awful", "mean things", "*konstig*", "misstänk*", "weird", "strange", "suspicious", "kusligt", "creepy", "nasty", "disturbing", "anonym*", "utan avsändare|namn", "no name|sender", "unsigned", "skrek", "insult*", "abus*", "smear*",
        "defam*", "slander*", "rumo*", "rykte*", "*hets* -säkerhet", "hängas", "förnedr*", "sexuell*", "watch my|your back", "akta mig|dig",
        "se mig|dig om", "vet var ? bor", "vet var mina|min ?", "vet vilken bil", "know|knows where ? live*", "knows where",
        "vet|vet om var|när|vilken|vilka jag|du|min|mitt|mina|din|ditt|dina|barnen|ni|vi", "know|knows where|when|which i|you|my|your|we|the",
        "erbjöd|lovade mig", "offered|promised me", "kallade|kallar|kallat mig", "blev|blir|blivit kallad|kallades", "called me", "din|du|jävla|satans|en =hora", "=horan", "=fitta", "=slampa", "=luder", "bitch*", "whore*", "=cunt", "stod utanför|vid", "stood outside|at", "was|were outside|waiting", "skrek|skriker åt|på mig", "yelled|shouted|screamed at me",
        "mitt namn", "my name", "lämnat|lämnade|lagt|lade ? på|vid|utanför|i", "left ? on|at|outside|in my", "död|döda|dött|dödad|dödade råtta|råttor|katt|katten|fågel|djur|djuret|hund", "dead rat|cat|bird|animal|dog");

    /// <summary>A noise in the home, told or asked about ("vad är det för ljud på vinden", "what is that noise downstairs").</summary>
    public static readonly Cue[] NoiseAsked = Cues("ljud på|i|från vinden|källaren|garaget|nere", "noise|noises downstairs|upstairs");

    /// <summary>A door or window of the home open or forced: a sign someone is or was there ("dörren står öppen").</summary>
    public static readonly Cue[] HomeOpen = Cues(
        "dörren|ytterdörren|altandörren|balkongdörren|källardörren står|stod öppen", "ytterdörren|källardörren är|e|var|va öppen",
        "dörren|ytterdörren|altandörren|balkongdörren|fönstret|porten är|e|var|va uppbruten|uppbrutet|uppbänd|uppbänt",
        "dörren|fönstret är|e|var|va öppen|öppet när|och|fast|fastän|trots jag", "dörren|fönstret är|e|var|va öppen|öppet när|och|fast jag|vi",
        "front|back|basement door is|was open|forced", "door|window is|was open and i locked|closed|shut", "door|window has been forced|broken", "door|window was forced");

    /// <summary>
    /// Someone sensed near without being seen: steps, voices, breathing, a noise at the door or upstairs ("hör fotsteg på
    /// vinden", "I can hear someone downstairs"), something heard ("hör nåt i garaget"), and signs of someone at the home:
    /// a door left open or forced, the alarm going, a petrol can left, a pet killed, a drone outside; the member shut in or
    /// watched; someone of theirs not come home.
    /// </summary>
    public static readonly Cue[] SensedNear = [
        .. HomeOpen,
        .. NoiseAsked,
        .. Cues(
        "hör|hörde|hörs fotsteg|steg|röster|nån|någon|folk|dem|dom|honom|henne|ljud|knackningar|skrap*", "fotsteg", "hör|hörde jag|vi steg|fotsteg|röster|nån|någon|folk|ljud",
        "hear|hearing|heard footsteps|steps|voices|someone|somebody|people|them|him|noises|knocking|scratching", "footsteps",
        "knackar|bankar|bultar|rycker det", "det knackar|bankar|bultar|rycker", "someone|somebody is knocking|banging",
        "hör|hörde|hörs glas|krasch", "hör|hörde|hörs en smäll|duns", "hör|hörde|hörs ett brak|skrap", "hear|heard|hearing glass|breaking",
        "hear|heard|hearing a bang|crash|thud",
        "dunk|dunken och|o|vid|utanför", "jerrycan", "bensindunk*", "katten|hunden ligger död", "död katt|hund", "dead cat|dog",
        "dörren|porten|utgången är|e blockerad|blockerat|spärrad|igenbommad", "door is blocked|jammed|barred", "closing in on me|us|our",
        "larmet|hemlarmet|inbrottslarmet går|gick|tjuter|ljuder", "larmet|hemlarmet|inbrottslarmet är|e igång", "alarm is going off", "alarm going off", "alarm just|has went|gone off", "alarm went off",
        "being watched|followed", "iakttagen",
        "drönare|drönaren|drone hovering|utanför|outside", "drönaren|drone filmar|filming in", "drönare|drönaren|drone|drones ? hovering|utanför|outside",
        "drönare|drönaren över huset|tomten|trädgården", "drone|drones over|above my|our|the house", "drönaren|drönare e|är tillbaka|här", "the drone is|s back", "filmar|filming in i|into",
        "vitt pulver", "white powder", "powder came out of|from", "box|package|parcel with wires", "paket|låda|paketet|lådan med|har sladdar", "paket|paketet|låda|lådan ? ? med sladdar",
        "door is|was open and i didnt|did", "got|came home and the door is|was open", "kom hem och dörren stod|var|va|är|e öppen",
        "han|hon|dom|de|nån|någon vill in", "kan inte ta mig|oss ut", "vågar|törs inte öppna", "blir filmad|fotograferad", "being filmed by",
        "har inte kommit hem", "hasnt come home", "has not come home")];

    /// <summary>
    /// Written at a distance: mail, texts, letters, posts, comments. Harm told this way is not someone near. A call is not
    /// among them: "min son ringde o sa att en okänd man vill hämta honom" tells of danger now.
    /// </summary>
    public static readonly Cue[] Written = Cues(
        "*mejl*", "*mail*", "sms*", "=dm", "=brev", "=brevet", "=breven", "hotbrev*", "facebook*", "=fb", "insta*", "twitter*", "tiktok*", "snapchat*", "youtube*", "kommentar*", "kommenter*",
        "inlägg*", "skriver", "skrev", "skrivit", "tråd*", "forum*", "nätet", "sociala medier", "sajt*", "hemsida*", "tidning*", "artikel*",
        "email*", "text*", "letter", "letters", "=post", "=posts", "posted", "posting", "comment*", "tweet*", "message*", "online", "social media", "website", "article*", "newspaper*");

    /// <summary>Publishing combined with something private is doxning.</summary>
    public static readonly Cue[] Publish = Cues(
        "publicer*", "lagt|lägger|lagts|lade ut", "spridit", "posted", "published", "shared", "leaked", "put up");

    /// <summary>Published already ("har lagt ut min adress"), as opposed to asking about publishing.</summary>
    public static readonly Cue[] Published = Cues(
        "lagt|lagts|lade ut", "skrivit|skrev ? om mig", "skrivit|skrev ? ? om mig", "skrivit|skrev om mig", "wrote|written ? about me", "spridit", "spridits", "=publicerat", "=publicerats", "=publicerade", "posted", "published", "shared", "leaked", "put up");

    public static readonly Cue[] Private = Cues(
        "adress*", "address*", "hus", "huset", "hem*", "bild*", "foto*", "photo*", "picture*", "*nummer*", "phone*", "number", "barn", "kids",
        "children", "var jag bor", "where i live");

    public static readonly Cue[] ReportWords = Cues(
        "rapport*", "*anmäl*", "report*", "händelse*", "incident*", "tillbud", "avvikelse*");

    /// <summary>The member tells of an event, which turns "..., vad gör jag?" into a report.</summary>
    public static readonly Cue[] Event = Cues(
        "blev", "fick", "fått", "har blivit", "hotades", "was", "were", "got", "received", "have been", "has been",
        "någon|nån|de|dom|han|hon|folk|okända har|hade", "someone|somebody|they|he|she has|had",
        "har|hade stått|filmat|fotograferat|väntat|följt|skickat|kommit|dykt"); // "en kvinna har stått utanför ... o filmat mig"

    /// <summary>The member as the one something was done to ("filmade mig", "wrote to me"): with an event and a person, a told incident.</summary>
    public static readonly Cue[] ToMe = Cues("=mig", "=oss", "=me", "=us", "hos mig|oss", "to me|us");

    // ---- Question ----

    public static readonly Cue[] QuestionWords = Cues(
        "hur", "vad", "vem", "vems", "vilken", "vilket", "vilka", "vart", "varför", "how", "what", "who", "whom", "which", "why", "where", "when");

    /// <summary>"när" or "when" opening a message: a question when a verb follows ("när e nästa KF", not "när jag kom hem").</summary>
    public static readonly Cue[] AskingWhen = Cues("=när", "=when");

    /// <summary>Swedish verbs that open a question only before a subject ("kan jag", "finns det").</summary>
    public static readonly Cue[] QuestionVerbs = Cues(
        "kan", "får", "måste", "ska", "skall", "bör", "borde", "finns", "är", "när", "var", "gäller", "behöver", "hjälper", "räknas", "anses",
        "hanteras", "ingår", "stämmer", "täcker", "erbjuder", "betalar", "ersätter", "kostar", "har", "funkar", "fungerar");

    public static readonly Cue[] Subjects = Cues(
        "jag", "man", "vi", "du", "ni", "det", "den", "partiet", "polisen", "kommunen", "någon", "min", "mina", "mitt");

    /// <summary>A question asked anywhere in the message, without a question mark ("..., vad gör jag").</summary>
    public static readonly Cue[] AskedAnywhere = Cues(
        "vad gör|ska|bör|kan jag", "hur gör|ska|kan jag|man", "vem ska jag", "what do|should|can i", "how do|should|can i",
        // asked inside a longer sentence: "finns det nåt råd om hur jag ska ...", "..., ska jag svara eller ignorera"
        "finns det ? råd|tips|*stöd*|hjälp", "finns det råd|tips|*stöd*|hjälp|någon|nån|något|nåt|några", "några råd|tips", "råd|tips om|på hur|vad",
        "=undrar", "wondering", "advice on|about", // exact: "ändrar" is one letter from it
        "ska|bör|borde jag|man|vi svara|ignorera|göra|ringa|polisanmäla|anmäla|blockera|säga|kontakta|berätta|spara|radera|agera|reagera|hantera|tänka|strunta",
        "any advice|tips", "should i|we reply|respond|answer|ignore|block|report|tell|call");

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
        "*utbild*", "*kurs* -diskurs -konkurs -överkurs", "politikerhandbok*", "säkerhetssamtal*", "security talk*", "*training*", "course*", "workshop*",
        "seminari*", "webinar*", "webbinar*");

    // ---- My reports ----

    public static readonly Cue[] OwnReportsList = Cues(
        "mina rapport*|*anmäl*|ärende*|incident*|händelse*", "mina ? rapport*|*anmäl*|ärende*|incident*",
        "vilka ärenden|rapporter|anmälningar har jag", "hur många ärenden|rapporter|anmälningar har jag",
        "vilka|alla|allt|lista jag har|hade rapporterat|anmält|skickat", "vilka|alla|allt|lista ? jag har|hade rapporterat|anmält|skickat",
        "vilka|alla|allt|lista ? ? jag har|hade rapporterat|anmält|skickat", "incidents|reports|cases|everything i have|ive reported|sent|submitted",
        "my reports|cases|incidents|submissions", "my ? reports|cases|incidents",
        "vad|det jag har rapporterat|anmält|skickat", "what i have reported|sent", "what i reported");

    public static readonly Cue[] OwnReportAsked = Cues(
        "har jag rapporterat|anmält|skickat", "have i reported|sent|submitted", "did i report|send|submit");

    public static readonly Cue[] OwnReport = Cues(
        "min|mitt|mina rapport*|*anmäl*|ärende*|incident*", "min|mitt ? rapport*|*anmäl*|ärende*", "my report|case|incident|submission", "my ? report|case",
        "det|jag rapporterade|anmälde|skickade", "i reported|sent|submitted",
        "med|m rapporten|anmälan|anmälningen|ärendet|incidenten", "rapporten|anmälan|ärendet jag|som jag gjorde|skickade|lämnade|skrev|gjort|skickat|lämnat",
        "the report|case i made|filed|sent|submitted|wrote");

    public static readonly Cue[] Status = Cues(
        "status", "visa", "se", "show", "list*", "go|gone|went|get|got through", "arrive*", "kommit|komma|kom fram", "gått fram", "läst", "läs*", "tittat", "titta*", "hänt", "händer", "fått", "mottag*", "received",
        "look*", "seen", "read", "happened", "happen*", "ändra*", "change*", "update*", "uppdater*", "besked", "svar", "answer*", "hört",
        "heard", "where is", "var är", "follow* up", "följa upp", "uppfölj*", "hände", "blev det", "gick det", "hur går det", "nytt", "återkopp*",
        "feedback", "progress", "news", "any update", "what became");

    // ---- Meeting ----

    /// <summary>Gatherings that are both a meeting the security unit may hear of and an event a member takes part in.</summary>
    private static readonly Cue[] Gatherings = Cues(
        "*möte* -promot -remote", "*sammanträ*", "*fullmäktig*", "medborgardialog*", "samråd*", "meeting*", "hearing*", "town hall", "debate*", "consultation*");

    public static readonly Cue[] MeetingNouns = [.. Gatherings, .. Cues(
        "kf", "ks", "*nämnd*", "*styrelse*", "beslut*", "omröstning*", "votering*", "debatt*", "council*", "vote", "voting", "decision*", "board",
        "assembly", "session*")];

    /// <summary>
    /// Events a member hosts, speaks at or attends, besides meetings: an opening, a speech, a panel, a campaign stall, a
    /// visit, a meeting with one citizen. With a time ahead and the member taking part, a notice for the security unit.
    /// </summary>
    public static readonly Cue[] EventNouns = [.. Gatherings, .. Cues(
        "*debatt*", "*panel*", "invigning*", "håller|hålla|ha tal|anförande|föredrag|appell",
        "anförande*", "föredrag*", "*valstug*", "*valmöte*", "torgmöte*", "bokbord*", "dörrknack*", "*kampanj*", "*evenemang*", "*manifestation*",
        "*utfrågning*", "*besök*", "*ceremoni*", "*konferens*", "festival*", "*firande*",
        "träffa|träffar|möta|möter ? medborgare|väljare|invånare|boende|kommuninvånare|grupp|förening|demonstranter",
        "träffa|träffar|möta|möter ? ? medborgare|väljare|invånare|boende|kommuninvånare|grupp|förening|demonstranter",
        "panel*", "speech*", "opening", "inauguration", "visit*", "consultation*", "rally",
        "stall", "stand", "canvass*", "campaign*", "event*", "ceremony", "conference", "festival", "surgery", "q&a",
        "meet* ? resident*|citizen*|constituent*|voter*|group|protester*", "meet* ? ? resident*|citizen*|constituent*|voter*|group|protester*")];

    /// <summary>
    /// A time ahead said outright: a weekday ("på tisdag", "lördagar"), next week, in two weeks, tomorrow. (Swedish past
    /// weekdays end in -s: "i tisdags" is not here.) A date ("3 juni", "14 March") is read by <see cref="Utterance.NamesADate"/>.
    /// </summary>
    public static readonly Cue[] FutureTime = Cues(
        "=måndag|=tisdag|=onsdag|=torsdag|=fredag|=lördag|=söndag", "=måndagar|=tisdagar|=onsdagar|=torsdagar|=fredagar|=lördagar|=söndagar",
        "nästa|kommande vecka|veckor|månad|år|årtal|helg|gång", "om ? veckor|dagar|månader|vecka|dag", "till helgen", "imorgon", "i morgon", "i övermorgon",
        "i höst|vinter", "senare i veckan|månaden|höst", "next week|month|year|weekend|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday",
        "in ? weeks|days|months", "later this week|month|year", "this coming", "this weekend", "tomorrow", "coming week|weeks|month|weekend");

    /// <summary>Advice asked for an event ahead ("tips inför kampanjen på lördag"): a question for the guidance, not a notice.</summary>
    public static readonly Cue[] AdviceWords = Cues("tips", "råd", "*råd -*pråd", "advice", "tips*");

    /// <summary>Called off or moved: told of an event, it is news, not a notice to prepare for.</summary>
    public static readonly Cue[] CalledOff = Cues(
        "inställt", "inställd", "inställda", "ställs in", "ställt in", "flyttat", "flyttas", "uppskjutet", "skjuts upp", "avbokat", "avbokad",
        "cancelled", "canceled", "called off", "postponed", "moved to", "rescheduled");

    /// <summary>
    /// A stretch of time an event may fill ("door knocking all weekend"): a when only in what says it is a notice ("heads
    /// up"); said of something going on ("han har stått där hela veckan", "festival hela helgen") it is no time ahead.
    /// </summary>
    public static readonly Cue[] Stretch = Cues(
        "hela helgen|veckan|sommaren|hösten|våren|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december",
        "all weekend|week|summer|autumn|spring");

    /// <summary>
    /// The member taking part in an event ahead, with or without a subject ("ska va med i", "har valstuga", "I'm hosting").
    /// </summary>
    public static readonly Cue[] TakingPart = Cues(
        "=jag", "=vi", "=we", "ska", "skall", "kommer att", "håller i", "hålla i", "arrangerar", "ordnar", "anordnar", "leder", "medverkar", "deltar",
        "=har", "hosting", "host", "organising", "organizing", "chairing", "speaking", "attending", "taking part", "having", "i am|will");

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
        "borde veta", "i förväg", "in advance", "ahead", "förbered*", "beredd* -beredskap", "vara redo", "prepare*", "be ready|prepared");

    // ---- Help ----

    public static readonly Cue[] Greetings = Cues(
        "hej", "hejsan", "hejhej", "hallå", "tja", "tjena", "tjenare", "morrn", "god morgon|dag|kväll|eftermiddag", "hi", "hello", "hey", "hiya",
        "good morning|afternoon|evening", "yo");

    public static readonly Cue[] HelpWords = Cues(
        "hjälp", "help", "meny", "menyn", "menu", "start", "starta", "börja", "options", "alternativ*", "vad kan du|den", "what can you|this", "hjälpa mig",
        "hur funkar|fungerar", "how does this", "bot", "boten", "kommandon", "commands", "vad kan jag fråga|få|göra",
        "what can i ask|do");

    /// <summary>
    /// Asking what the bot is or can do, whatever else the member says about themselves ("hej! jag är ny ersättare, vad är
    /// det här för tjänst?"): the welcome card, which lists what it can do.
    /// </summary>
    public static readonly Cue[] AboutTheBot = Cues(
        "vad är det här för tjänst|bot|app|chatt|sak|grej|något|nåt", "vad är detta för tjänst|bot|app|chatt|sak|grej|något|nåt",
        "vad är trygg|boten", "vad är du för", "vem är du", "hur funkar|fungerar det här|detta|du|boten|trygg|tjänsten",
        "what|whats is this bot|app|service|thing|chat", "whats this", "what|whats is trygg", "whats trygg", "what are you", "who are you", "what do you do",
        "vad kan jag använda dig|boten|trygg|den|det till|för", "hur använder jag|man dig|boten|trygg|tryg|tjänsten|appen", "hur använder jag|man den|det här", "vad kan du göra|hjälpa",
        "what can i use you|this|it|trygg for", "how do i use you|this|trygg|it", "how do i use the bot|app|service", "what can you do|help",
        "what does this bot|app|service|trygg do");

    /// <summary>Words that may surround a greeting or a call for the menu without asking for anything else.</summary>
    public static readonly Cue[] HelpVocabulary = [.. Greetings, .. HelpWords, .. Cues(
        "god", "morgon", "dag", "good", "morning", "där", "there", "du", "you", "kan", "can", "vad", "what", "göra", "do", "mig", "me", "med",
        "with", "visa", "show", "fråga", "frågor", "dig", "ask", "about", "the", "den", "här", "this", "om", "är", "is", "och", "and", "please", "snälla", "funkar", "fungerar",
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
                "our we us not no yes all some any other just only also very much more most",
                "kosta kostar kostade kostat gång gånger gången hänger hänga hängt tror trodde tycker gick går står stod sitter satt ligger låg fyra fem sex sju åtta nio tio hundra",
                "våga vågar vågade vågat vågor")
                .SelectMany(c => c.Words)),
        StringComparer.Ordinal);

    private static Cue[] Cues(params string[] patterns) => [.. patterns.Select(Cue.Parse)];

    /// <summary>A verb with its object next to it or up to two words on ("kastar sten", "kastade in en flaska").</summary>
    private static Cue[] Near(string[] verbs, string[] objects)
    {
        var verb = string.Join('|', verbs);
        var thing = string.Join('|', objects);
        return Cues($"{verb} {thing}", $"{verb} ? {thing}", $"{verb} ? ? {thing}");
    }
}
