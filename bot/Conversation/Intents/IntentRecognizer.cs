using System.Globalization;
using System.Text;
using L = Trygg.Conversation.Intents.IntentLexicon;

namespace Trygg.Conversation.Intents;

/// <summary>
/// Recognises what a member wants from free text in Swedish or English, with inflections, compounds, typos
/// and missing å/ä/ö. Ordered rules over the words of <see cref="IntentLexicon"/>: danger comes first and wins
/// every doubt, because a false acute costs a line about 112 and a missed one can cost much more.
/// </summary>
public static class IntentRecognizer
{
    /// <summary>
    /// How sure <see cref="DangerModel"/> must be before a message the rules read as a question, a contact question,
    /// something told or nothing gets the safety question; chosen on the development sets with each set left out of
    /// the model that read it (<c>eval models-cv</c>, docs/evaluation.md).
    /// </summary>
    internal const double ModelAsksFrom = 0.5;

    /// <summary>
    /// How sure <see cref="IntentModel"/> must be before its wish (a report told, contacts, training, my reports, the
    /// welcome, a meeting notice) replaces what the rules read; never over danger or the safety question.
    /// </summary>
    internal const double IntentModelFrom = 0.7;

    /// <summary>A member's first words: what they want, read by the rules, <see cref="DangerModel"/> and <see cref="IntentModel"/>.</summary>
    public static Intent Recognize(string? text) => Recognize(text, DangerModel.Shared, IntentModel.Shared);

    /// <summary>
    /// The rules and the danger model, then the wish the intent model is sure of, only where the rules fell back: over a
    /// question or nothing placed, a report told, contacts (with a security contact named), my reports (with their own
    /// report named) or a meeting notice; the welcome only over nothing placed ("hi, new here"), never over
    /// a question ("hur funkar personlarm?"); a meeting notice may become a report told. Never over danger, the safety
    /// question, something told, or a feature the rules recognised by its words ("who can help me?" stays contacts).
    /// </summary>
    internal static Intent Recognize(string? text, DangerModel? danger, IntentModel? wishes)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Intent.Help;
        }

        var u = Utterance.From(text);
        var intent = Recognize(text, u, danger);
        if (wishes is null || intent is not (Intent.Question or Intent.Other or Intent.Meeting))
        {
            return intent;
        }

        var (wish, probability) = wishes.Likeliest(text);
        if (probability < IntentModelFrom)
        {
            return intent;
        }

        var allowed = (intent, wish) switch
        {
            (Intent.Meeting, _) => wish == Intent.Told,
            (_, Intent.Help) => intent == Intent.Other,
            (_, Intent.Contact) => u.Has(L.ContactTarget),
            (_, Intent.MyReports) => u.Has(L.OwnReport),
            _ => true,
        };
        return allowed ? wish : intent;
    }

    /// <summary>
    /// Words written in the middle of something (an answer awaited, files sent, a reply to the security unit): only the
    /// 112 card can interrupt there, and only the rules decide it.
    /// </summary>
    public static bool IsAcute(string? text) => ByRules(text) == Intent.Acute;

    /// <summary>The rules first; then a message they did not place as danger, that speaks of a person, harm or a sign of
    /// danger, and that <paramref name="model"/> reads as danger now, gets "Är du i säkerhet just nu?" (one tap).</summary>
    internal static Intent Recognize(string? text, DangerModel? model) =>
        string.IsNullOrWhiteSpace(text) ? Intent.Help : Recognize(text, Utterance.From(text), model);

    private static Intent Recognize(string text, Utterance u, DangerModel? model)
    {
        var intent = ByRules(u);
        return model is not null && DangerModelMayAsk(intent, u) && model.Probability(text) >= ModelAsksFrom ? Intent.Report : intent;
    }

    /// <summary>
    /// Whether the danger model may ask about a message the rules read as <paramref name="rules"/>: only where they read
    /// a question, a contact question, something told or nothing, and only when it speaks of a person, harm, or a kind or
    /// sign of danger, and says nothing of the member being safe, it not being urgent, help wanted with something, or
    /// "what if" asked ("vad gör jag om..."; a "jag vet inte om det här är rätt ställe men..." before what is happening
    /// does not close it).
    /// </summary>
    internal static bool DangerModelMayAsk(Intent rules, Utterance u) =>
        rules is Intent.Question or Intent.Other or Intent.Contact or Intent.Told && MaySpeakOfDanger(u);

    private static bool MaySpeakOfDanger(Utterance u) =>
        (u.Has(L.Someone) || IsHarm(u) || u.Has(L.Fire) || u.Has(L.Intrusion) || u.Has(L.Injury) || u.Has(L.Hiding)
            || u.Has(L.Pursuit) || u.Has(L.Presence) || u.Has(L.ThrownNow) || u.Has(L.ViolenceNow) || u.Has(L.EmergencySign)
            || u.Has(L.Fear) || u.HasOpening(L.CryForHelp, L.ClauseOpeners) || u.Has(L.Hazard) || u.Has(L.Taken) || u.Has(L.Relative))
        && !u.Has(L.SafeNow) && !u.Has(L.NotUrgent) && !u.Has(L.HelpMeTo) && !u.Has(L.HelpWithTask) && (!IsHypothetical(u) || !IsQuestion(u));

    /// <summary>The rules alone, without the learnt readers.</summary>
    internal static Intent ByRules(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Intent.Help : ByRules(Utterance.From(text));

    private static Intent ByRules(Utterance u)
    {
        if (u.IsEmpty || (u.OnlyUses(L.Acknowledgement) && !u.AsksQuestion))
        {
            return Intent.Acknowledgement; // an emoji, punctuation or thanks: nothing asked
        }

        var danger = DangerReading.Of(u);
        if (danger == DangerLevel.Acute)
        {
            return Intent.Acute;
        }

        // Not wanting to live, asked or told: the safety question, whose "Nej" leads to 112.
        if (u.Has(L.Crisis))
        {
            return Intent.Report;
        }

        // "hjälp mig", "🆘", "jag är rädd" and nothing else: the safety question, before the menu "hjälp" opens.
        if (u.Has(L.EmergencySign) && !u.Has(L.HelpMeTo) && !IsQuestion(u))
        {
            return Intent.Report;
        }

        if (IsHelp(u) || (u.Has(L.AboutTheBot) && danger == DangerLevel.None && !IsHarm(u)))
        {
            return Intent.Help;
        }

        if (u.Has(L.OwnReportsList) || u.Has(L.OwnReportAsked) || (u.Has(L.OwnReport) && u.Has(L.Status)))
        {
            return Intent.MyReports;
        }

        // A heads-up about a meeting ahead ("heads up: I'm meeting angry residents next week") is a notice, not danger now.
        // Whatever may be danger now is asked about before contacts or notices: "de står utanför, vem ringer jag?"
        if (danger == DangerLevel.Unsure && !IsMeetingNotice(u))
        {
            return Intent.Report; // it speaks of a person, a threat or harm and may be now: "Är du i säkerhet just nu?" first
        }

        // An event ahead that the member hosts or attends ("invigning 3 juni o jag håller tal, behöver vi vakter?", "I'm hosting a
        // consultation on 14 March"): a notice for the security unit, also when asked as a question.
        if (IsPlannedEvent(u, danger))
        {
            return Intent.Meeting;
        }

        var harm = IsHarm(u);
        if (IsContact(u, harm))
        {
            return Intent.Contact;
        }

        if (u.Has(L.Training))
        {
            return Intent.Training;
        }

        if (IsMeeting(u, harm))
        {
            return Intent.Meeting;
        }

        var happened = u.Has(L.Event) || u.Has(L.Past) || u.Has(L.Published);
        // "en man filmade mig på mötet igår": someone did something to the member, in no word of harm; still worth reporting.
        var toldToMe = happened && u.Has(L.Someone) && u.Has(L.ToMe) && !IsHypothetical(u);
        if (IsQuestion(u))
        {
            // "Jag fick ett hotbrev, vad gör jag?" tells of an event; "vad gör jag om jag blir hotad?" does not. Threats and
            // violence told get the safety question first; words and pictures get the guidance's help and a way to report.
            if ((!harm || !happened || IsHypothetical(u)) && !toldToMe)
            {
                return harm || u.Has(L.ReportWords) || u.Has(L.Topic) ? Intent.Question : Intent.Other;
            }

            return u.Has(L.Danger) || DangerReading.DangerNowSaid(u) || u.Has(L.CallPolice) ? Intent.Report : Intent.Told;
        }

        // "Jag har fått ett brev hem med min adress": something about the member's private life arrived.
        if (harm || u.Has(L.ReportWords) || (u.Has(L.Event) && u.Has(L.Private)))
        {
            return Intent.Report;
        }

        if (toldToMe)
        {
            return Intent.Told;
        }

        // The net under the reading: a message that speaks of a person, told (not asked) in the present, that nothing above
        // placed, with a place, a cry for help or fear ("cant speak, he's in the flat, texting from under the bed", "en man har
        // låst dörren inifrån", "help please hes inside"): the bot cannot tell whether it is danger now, so it asks "Är du i
        // säkerhet just nu?" first. A wider net (every unplaced statement) asked most everyday messages and was dropped.
        var topic = u.Has(L.KeyTopic) || u.Has(L.Topic);
        if (!topic && !IsQuestion(u) && u.Has(L.Someone)
            && (u.Has(L.Place) || u.HasOpening(L.CryForHelp, L.ClauseOpeners) || u.Has(L.EmergencySign) || u.Has(L.Fear))
            && !u.Has(L.Past) && !IsHypothetical(u) && !u.SaysWhenAhead())
        {
            return Intent.Report;
        }

        return topic ? Intent.Question : Intent.Other;
    }

    /// <summary>The word classes of <see cref="IntentLexicon"/> the text hits, for tuning on the development sets (stderr of eval intents).</summary>
    internal static IEnumerable<string> Explain(string? text)
    {
        var u = Utterance.From(text);
        return typeof(IntentLexicon).GetFields()
            .Where(f => f.FieldType == typeof(Cue[]) && u.Has((Cue[])f.GetValue(null)!))
            .Select(f => f.Name)
            .Append("danger=" + DangerReading.Of(u))
            .Append("rules=" + ByRules(text))
            .Append(string.Create(CultureInfo.InvariantCulture, $"model={DangerModel.Shared?.Probability(text ?? string.Empty):0.00}"))
            .Append(IntentModel.Shared?.Likeliest(text ?? string.Empty) is { } wish
                ? string.Create(CultureInfo.InvariantCulture, $"wish={wish.Intent}:{wish.Probability:0.00}")
                : "wish=none");
    }

    /// <summary>"vem ringer jag", "numret till säkerhetsenheten", "jouren"; a threat told with it is a report ("vem ringer jag om nån hotar mig" asks ahead).</summary>
    private static bool IsContact(Utterance u, bool harm)
    {
        if ((harm && !IsHypothetical(u) && !u.Has(L.NotUrgent)) || (u.Has(L.Responsibility) && !u.Has(L.ContactAlone)))
        {
            return false;
        }

        // Asking for a person ("vilka kan jag kontakta?", "vem på partikansliet ska jag prata med") or for a way to reach
        // one ("kontakt säkerhetschef", "What's the 24/7 support number?").
        return u.Has(L.ContactAlone)
            || (u.Has(L.WhoWord) && u.Has(L.ContactVerb) && IsQuestion(u))
            || (u.Has(L.ContactAsk) && u.Has(L.ContactTarget) && !u.Has(L.ReportWords));
    }

    /// <summary>
    /// Asked ahead ("vad gör jag om någon hotar mig?"), unless the condition is a threatener's demand ("hotar att lägga ut
    /// bilder om jag inte drar tillbaka motionen"): that tells of a threat made.
    /// </summary>
    private static bool IsHypothetical(Utterance u) =>
        u.Has(L.Hypothetical) && !(u.Has(L.Demand) && (u.Has(L.Danger) || u.Has(L.Harm)));

    /// <summary>
    /// An event ahead that the member takes part in: an event (a meeting, an opening, a panel, a campaign stall, a visit, a
    /// meeting with a citizen), a when (<see cref="Utterance.SaysWhenScheduled"/>: a weekday, next week, a date, "tors
    /// 18.00", "den 12e") and the member taking part, which a plain heads-up (no person, nothing aimed at the member, no
    /// advice asked) need not say. Harm, a private detail, anything told in the past or an event called off is no notice;
    /// danger now never reaches this (the caller asks it only when the reading found none).
    /// </summary>
    private static bool IsPlannedEvent(Utterance u, DangerLevel danger)
    {
        // Told plainly with a when, the event is the member's to tell of ("valstuga på stortorget, lördagar 10-14"); asked,
        // or with a person in it, they must say they take part. Harm or a private detail ("möte på tors. han sa att han vet
        // var jag bor", "valstuga på lör, fick ett brev med min adress") is a report, and the past ("den 3e hade vi möte") news.
        var toldPlainly = !IsQuestion(u) && !u.Has(L.Someone) && !u.Has(L.ToMe) && !u.Has(L.AdviceWords);
        if (!u.Has(L.EventNouns) || !u.SaysWhenScheduled() || (!u.Has(L.TakingPart) && !toldPlainly) || TellsPastToReport(u) || u.Has(L.CalledOff))
        {
            return false;
        }

        // The when as members shorten it, or a heads-up without "I/we": only with nothing else told. A when said outright
        // with the member taking part stays a notice as before ("invigning på fredag o jag ska klippa band, förra gången
        // kom det demonstranter").
        var plainWhen = u.SaysWhenAhead() && u.Has(L.TakingPart);
        if (!plainWhen && (IsHarm(u) || u.Has(L.Private) || u.Has(L.Past) || u.TellsPast()))
        {
            return false;
        }

        // Asked, it is a notice when it asks about guards or who should know ("behöver vi vakter", "ska jag meddela nån");
        // "ska jag skriva på fb var vi kampanjar på lördag?" asks the guidance.
        if (IsQuestion(u) && !u.Has(L.Protection))
        {
            return false;
        }

        return danger == DangerLevel.None;
    }

    /// <summary>"During question time yesterday a man told me he'd deal with me ... I'd like to report it": told, not ahead.</summary>
    private static bool TellsPastToReport(Utterance u) => u.Has(L.ReportWords) && u.Has(L.Past) && !u.Has(L.FutureTime);

    /// <summary>A meeting ahead told to the staff, with nothing happening now.</summary>
    private static bool IsMeetingNotice(Utterance u) =>
        u.Has(L.MeetingNouns) && u.Has(L.Notice) && u.Has(L.Ahead) && !u.Has(L.Now) && !u.Has(L.Danger) && !DangerReading.DangerNowSaid(u) && !u.Has(L.CallPolice);

    private static bool IsHarm(Utterance u) =>
        u.Has(L.Danger) || DangerReading.DangerNowSaid(u) || u.Has(L.CallPolice) || u.Has(L.Harm) || (u.Has(L.Publish) && u.Has(L.Private))
        || (u.Has(L.Harsh) && (u.Has(L.Written) || u.Has(L.ToMe))) // "flera ganska grova" dm; "vidrigt väder" is not harm
        || (u.Has(L.FeltWrong) && u.Has(L.ToMe)); // "ringde mig privat ... kändes fel"

    private static bool IsHelp(Utterance u) =>
        u.OnlyUses(L.HelpVocabulary) && (u.Has(L.Greetings) || u.Has(L.HelpWords));

    /// <summary>A meeting or decision ahead that may stir people up; harm alone (threats "after the meeting") is a report.</summary>
    private static bool IsMeeting(Utterance u, bool harm)
    {
        if (!u.Has(L.MeetingNouns) || TellsPastToReport(u))
        {
            return false;
        }

        var heated = u.Has(L.Heated);
        var notice = u.Has(L.Notice);
        if (harm && !heated && !notice)
        {
            return false;
        }

        // "får ordföranden kasta ut en åhörare?" and "finns det råd om hur jag ska sitta när de blir upprörda?" ask the guidance;
        // telling of a meeting ahead is a notice.
        var question = IsQuestion(u);
        if (question && !notice && !u.SaysWhenAhead())
        {
            return false;
        }

        return heated || notice || (u.Has(L.Ahead) && !question);
    }

    internal static bool IsQuestion(Utterance u)
    {
        if (u.AsksQuestion || u.Has(L.AskedAnywhere))
        {
            return true;
        }

        var first = u.Tokens.Take(1).ToArray();
        var second = u.Tokens.Skip(1).Take(1).ToArray();
        return L.QuestionWords.Any(c => c.IsIn(first))
            || L.EnglishQuestionVerbs.Any(c => c.IsIn(first))
            || (L.QuestionVerbs.Any(c => c.IsIn(first)) && (L.Subjects.Any(c => c.IsIn(second)) || IsDefiniteNoun(u.Second)))
            || (AsksInLooserForm(u, first, second) && NothingHappeningTold(u));
    }

    /// <summary>
    /// Looser forms of a question: "när e nästa KF" (not "när jag kom hem"), a present verb before jag/man/vi ("sparar jag
    /// skärmdumpar"), the Swedish tag "eller" at the end, a verb first asking about if ("kan SKR hjälpa mig om jag blir hotad").
    /// Swedish also tells verb-first ("står jag vid bussen och en man skriker") and "eller" ends statements too, so these
    /// count only when <see cref="NothingHappeningTold"/>.
    /// </summary>
    private static bool AsksInLooserForm(Utterance u, string[] first, string[] second) =>
        (L.AskingWhen.Any(c => c.IsIn(first)) && (L.QuestionVerbs.Any(c => c.IsIn(second)) || L.EnglishQuestionVerbs.Any(c => c.IsIn(second))))
        || (L.QuestionVerbs.Any(c => c.IsIn(first)) && u.Has(L.IfBecoming))
        || u.Tokens is [.., "eller"]
        || (u.Tokens is [var verb, "jag" or "man" or "vi", ..] && IsPresentTense(verb));

    /// <summary>
    /// Nothing of danger told in the message's own words (typos not read): no threat, violence, fear, someone near or
    /// following, fire, intrusion, hiding or injury; harm only inside an if-clause ("om man blir skadad") is asked ahead.
    /// </summary>
    private static bool NothingHappeningTold(Utterance u)
    {
        var w = u.AsWritten();
        if (w.Has(L.Presence) || w.Has(L.Pursuit) || w.Has(L.ViolenceNow) || w.Has(L.Fear) || w.Has(L.Fire) || w.Has(L.Intrusion)
            || w.Has(L.Hiding) || w.Has(L.SensedNear) || w.Has(L.Now) || DangerReading.DangerNowSaid(w) || (w.Has(L.CryForHelp) && !w.Has(L.HelpAsked)))
        {
            return false;
        }

        return !(w.Has(L.Danger) || w.Has(L.Injury) || w.Has(L.Progressive)) || w.Has(L.IfBecoming);
    }

    /// <summary>Words ending like a present verb that are not one (folded): "där", "efter", "under", "eller", "för", "över".</summary>
    private static readonly HashSet<string> NotVerbs = new(StringComparer.Ordinal)
    {
        "dar", "har", "efter", "under", "eller", "for", "over", "sedan", "annars", "kanske", "bakom", "hemifran", "igar", "ar", "var", "nar", "hur",
    };

    /// <summary>
    /// A Swedish verb in the present ("sparar", "ringer", "gör", "tror"): before "jag", "man" or "vi" it opens a yes/no
    /// question, as a statement opens with its subject (tokens are folded, so "gör" and "går" end in "or" and "ar").
    /// </summary>
    private static bool IsPresentTense(string token) =>
        token.Length >= 3 && !NotVerbs.Contains(token)
            && (token.EndsWith("ar", StringComparison.Ordinal) || token.EndsWith("er", StringComparison.Ordinal) || token.EndsWith("or", StringComparison.Ordinal));

    /// <summary>
    /// A Swedish noun in its definite form ("rutinen", "kommunen", "partiet", "politikerna"): after a verb opening the
    /// sentence ("gäller rutinen även ...", "täcker försäkringen ..."), the word order of a yes/no question.
    /// </summary>
    private static bool IsDefiniteNoun(string token) =>
        token.Length >= 5 && (token.EndsWith("en", StringComparison.Ordinal) || token.EndsWith("et", StringComparison.Ordinal)
            || token.EndsWith("na", StringComparison.Ordinal)) && !L.KnownWords.Contains(token);

    /// <summary>Lower case; apostrophes and hyphens join ("won't", "fb-sida"), other punctuation and emoji separate words.</summary>
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim().ToLower(CultureInfo.GetCultureInfo("sv-SE")))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(c);
                pendingSpace = false;
            }
            else if (c is not ('\'' or '’' or '-' or '\u00AD'))
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Members often type without å/ä/ö: "hjalp" means "hjälp". Other accents go too ("café").</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
