using L = Trygg.Conversation.Intents.IntentLexicon;

namespace Trygg.Conversation.Intents;

/// <summary>How a message reads for danger now.</summary>
internal enum DangerLevel
{
    /// <summary>Nothing of a person, a threat or harm now; or plainly past, general or hypothetical.</summary>
    None,

    /// <summary>It speaks of a person, a threat or harm and may be happening: ask "Är du i säkerhet just nu?" first.</summary>
    Unsure,

    /// <summary>Danger now: the 112 card before anything else.</summary>
    Acute,
}

/// <summary>
/// Reads a message for the kinds of danger (a weapon, fire, someone getting in, the member hiding or hurt, violence as
/// it happens, someone near or following, a threat for tonight) and for time (now, tonight, past) and for form (a
/// general or hypothetical question). Kinds are word classes of <see cref="IntentLexicon"/>, not whole phrases, so
/// they combine: "han kommer uppför trappan nu" is presence with a now-marker. Asking costs a tap, missing costs a
/// life: whatever speaks of danger and is not plainly past, general or hypothetical gets at least the safety question.
/// </summary>
internal static class DangerReading
{
    /// <summary>
    /// The reading, with two limits on the 112 card at once: words quoted from someone else ("han skrev ”du blir skjuten”")
    /// are a threat relayed, so they bring the safety question, not the 112 card; and danger found only by reading a word
    /// as a typo of another ("tapped" as "trapped") brings the safety question too. Asking costs a tap either way.
    /// </summary>
    public static DangerLevel Of(Utterance u)
    {
        ArgumentNullException.ThrowIfNull(u);
        var level = Read(u);
        // A relayed threat with something happening now outside the quote ("sms: ”vi kommer ikväll”. hör en bil stanna nu")
        // keeps its reading.
        if (level == DangerLevel.Acute && u.Unquoted is { } own && Read(own) == DangerLevel.None && !u.Has(L.NowSaid) && !u.Has(L.Recent))
        {
            level = DangerLevel.Unsure;
        }

        if (level != DangerLevel.None && u.Typos && Of(u.AsWritten()) is var written && written != level)
        {
            // A question whose only danger is a word read as a typo ("sparar jag skärmdumpar" as "sparkar") asks; a message
            // told keeps the safety question.
            var nobodyNear = !u.Has(L.Someone) && !u.Has(L.Place) && !u.Has(L.Relative);
            level = written == DangerLevel.None && IntentRecognizer.IsQuestion(u) && nobodyNear ? DangerLevel.None : DangerLevel.Unsure;
        }

        return level;
    }

    private static DangerLevel Read(Utterance u)
    {
        var now = u.Has(L.Now) || IsProgressive(u);
        var recent = u.Has(L.Recent); // "för en minut sen": not a past event; what is told is read as it stands
        var tonight = u.Has(L.Tonight);
        var question = IntentRecognizer.IsQuestion(u);
        var cryWords = (u.Has(L.CryForHelp) && !u.Has(L.HelpMeTo)) || u.Has(L.CallForMe);
        // Something thrown just now ("kastade in en flaska för en stund sen") is as acute as something thrown as they write.
        // "blir hotad" happens now; "om jag blir hotad" asks ahead.
        // "när någon av oss blir hotad" asks ahead too: an if-clause opening, the harm within four words of its if-word.
        var progressive = u.HasNotPrecededBy(L.Progressive, L.IfWords, 2) && !(u.Has(L.IfClause) && !u.HasNotPrecededBy(L.Progressive, L.IfWords, 4));
        var thrown = u.Has(L.ThrownNow) || (u.Has(L.ThrownDone) && (now || recent));
        var severe = DangerNowSaid(u) || (u.Has(L.CallPolice) && !question) || u.Has(L.CallForMe) || u.Has(L.Hazard) || u.Has(L.Fire) || u.Has(L.Intrusion) || u.Has(L.Hiding) || u.Has(L.Injury)
            || progressive || u.Has(L.Taken) || thrown;
        // "coming" in a question is mostly a meeting or a visit ("is the security officer coming tonight?"); aimed at the member it is not.
        var coming = u.Has(L.Coming) && (!question || u.Has(L.AimedOrRelayed) || u.Has(L.Danger));
        // Coming on a day ahead ("vi ses på onsdag", "de kommer hem till dig på lördag"): not near now, but said as a threat
        // it is one, so the bot asks.
        var comingLater = coming && !tonight && u.SaysWhenAhead();
        coming &= !comingLater;
        // "jag står på valstugan idag" places the member, not someone near them; with a person or a threat told
        // ("han hotar mig, vi står i foajén") it places them both.
        var presence = u.HasNotAfter(L.Presence, L.Self) || (u.Has(L.Presence) && (u.Has(L.Someone) || u.Has(L.Danger)));
        // "jag ser honom sitta på läktaren nu" after a threat; "ja jag ser dem nu, tack" is not.
        var seenNow = u.Has(L.Seen) && now && (u.Has(L.Danger) || u.Has(L.AimedOrRelayed) || u.Has(L.Fear));
        // "om jag blir förföljd" asks ahead; "jag blir förföljd" tells.
        var near = presence || u.HasNotPrecededBy(L.Pursuit, L.IfWords, 3) || coming || (u.Has(L.PresenceVerb) && u.Has(L.Place) && !OnlySelf(u)) || seenNow;
        var violence = u.Has(L.ViolenceNow) || (IsProgressive(u) && u.Has(L.Danger));
        // "kan SKR hjälpa mig om jag blir hotad?" asks who helps when harm comes; "kan nån hjälpa mig, han står utanför med
        // kniv" cries for it, whatever "if" follows.
        var cry = cryWords && !(u.Has(L.HelpAsked) && u.Has(L.IfBecoming) && !severe && !near && !violence);
        var threat = u.Has(L.Danger) || u.Has(L.ThrownDone) || (cry && u.Has(L.Harm)) || (comingLater && u.Has(L.AimedOrRelayed)); // "hjälp, de kastar sten på huset"
        // A person acting now or again, with nothing else told ("just nu. han. igen."): at least the safety question.
        // "jag ska ha medborgarmöte i maj, folk är arga redan nu" tells of the member's own event ahead: a notice, not someone near.
        var personNow = u.Has(L.Someone) && (now || u.Has(L.Again)) && !OwnEventAhead(u);
        // Someone arriving tonight counts when it is aimed at the member or passed on as a threat, not "jag kommer hem sent ikväll".
        var arrivingTonight = u.Has(L.ThisEvening) && u.Has(L.Arrival) && (u.Has(L.AimedOrRelayed) || threat || u.Has(L.Fear));
        // Warned about tonight and afraid ("they said tonight is the night. i'm alone at home"): nobody is said to be coming,
        // but the bot cannot tell, so it asks.
        var warnedTonight = u.Has(L.ThisEvening) && u.Has(L.AimedOrRelayed) && u.Has(L.Fear);
        if (!severe && !near && !violence && !threat && !personNow && !arrivingTonight && !warnedTonight)
        {
            return SomeoneAtTheMember(u, question) || ParcelWithWires(u) ? DangerLevel.Unsure : DangerLevel.None;
        }

        if (warnedTonight && !severe && !near && !violence && !arrivingTonight && !u.Has(L.Hypothetical) && !u.Has(L.NotUrgent))
        {
            return DangerLevel.Unsure;
        }

        // A threat for this evening told as a text ("fick sms: ikväll kommer vi till dig ... vad gör jag"): someone arriving
        // tonight is acute whether the member ends with a question or not. "Vad gör jag OM nån säger att de kommer
        // ikväll" asks ahead and is read below as a hypothetical.
        if (u.Has(L.ThisEvening) && (arrivingTonight || near || violence || u.Has(L.Intrusion))
            && !u.Has(L.Hypothetical) && !u.Has(L.NotUrgent) && !(u.Has(L.General) && !now))
        {
            return DangerLevel.Acute;
        }

        // "om man blir skadad vid nåt sånt, ska man till vårdcentralen": harm to anyone, asked ahead.
        if (u.Has(L.IfBecoming) && u.Has(L.General) && !now && !cry && !tonight)
        {
            return DangerLevel.None;
        }

        // "när ska man ringa 112?", "vad gör jag om någon står utanför?": advice asked ahead, not danger now. Told in the
        // conditional ("om någon skulle kasta sten", "if someone were to follow me") it is ahead in any form.
        var hypothetical = u.Has(L.Hypothetical) && !u.Has(L.Now) && !cry;
        if (hypothetical && (question || u.Has(L.Conditional)) && !progressive)
        {
            return DangerLevel.None;
        }

        if (question && u.Has(L.General) && !u.Has(L.Now) && !cry)
        {
            return DangerLevel.None;
        }

        // A question about threats in general ("vad erbjuder kommunen efter ett hot?"), with nothing told as happening.
        // "han slår mig, vad gör jag?" and "han hotar mig, vad gör jag?" tell first: not questions about threats in general.
        var toldNow = violence || (threat && u.Has(L.Someone) && u.Has(L.ToMe) && !u.Has(L.Past));
        if (question && !severe && !near && !now && !cry && !u.Has(L.Event) && !progressive && !toldNow)
        {
            return DangerLevel.None;
        }

        // Told as past ("igår", "för två veckor sedan", "in 2022"), said not urgent, or talk about an exercise or the news.
        var past = (u.Has(L.Past) && !recent) || MentionsYear(u);
        // "still" after a past event ("blev hotad förra månaden o mår fortfarande dåligt") tells how the member is, not danger now.
        var stillOnly = now && !u.Has(L.NowSaid) && !IsProgressive(u) && !near && !severe && !violence;
        // "bilen från igår står här igen": the past names who, "igen" with a present verb tells they are back.
        // "dörren står öppen, jag låste den i morse": the past tells when it was locked, the door is open now.
        var backAgain = (u.Has(L.Someone) && u.Has(L.Again) && u.Has(L.PresenceVerb)) || u.Has(L.HomeOpen);
        if (past && (!now || stillOnly) && !tonight && !backAgain)
        {
            return DangerLevel.None;
        }

        // Said not to be urgent ("inte akut", "ingen akut fara men han mejlar"): not the 112 card, but with someone near,
        // violence or something severe told as well the bot still asks.
        if (u.Has(L.NotUrgent))
        {
            return severe || near || violence ? DangerLevel.Unsure : DangerLevel.None;
        }

        // The member says it is over and they are safe: ask, as they know best, but no 112 card at once. Hurt or hiding
        // still told ("han har gått men jag blöder") stays acute; a fire told as put out does not.
        if (u.Has(L.SafeNow) && !(u.Has(L.Injury) || u.Has(L.Hazard) || u.Has(L.Hiding)))
        {
            return DangerLevel.Unsure;
        }

        // Talk of a drill, the news or "what one should do" reads as general, but with someone near, violence or
        // something severe in the same message the bot cannot tell: it asks rather than assumes.
        if (u.Has(L.General) && !now && !cry)
        {
            return severe || near || violence || personNow ? DangerLevel.Unsure : DangerLevel.None;
        }

        // Tense mixed ("mannen som hotade mig förra veckan står vid min port igen just nu"): the past names who, the now tells
        // what is happening.
        var happeningNow = u.Has(L.RightNow) && (presence || seenNow);
        if ((past && !happeningNow) || hypothetical)
        {
            return DangerLevel.Unsure; // "förra året hotade de mig, nu är det val igen", "om han kommer hit igen": ask, do not assume
        }

        // Someone here or following, said in the present ("han står utanför mitt hus"), is now unless told as past.
        if (severe || (near && !question) || (violence && (now || cry)) || (near && (now || cry)))
        {
            return DangerLevel.Acute;
        }

        if (tonight && (threat || near))
        {
            return DangerLevel.Acute; // "ikväll kommer vi hem till dig"
        }

        if (threat && (now || cry || u.Has(L.Fear)))
        {
            return DangerLevel.Acute;
        }

        // The member's family in fear or harm now ("min dotter är livrädd, han skriker utanför"): threats to relatives are threats to the member.
        if (u.Has(L.Relative) && (now || recent) && (u.Has(L.Fear) || cry || u.Has(L.Harm)))
        {
            return DangerLevel.Acute;
        }

        return DangerLevel.Unsure;
    }

    /// <summary>
    /// The net under the kinds: a person (or their car) told with the member, their home or family, or with fear; an
    /// unnamed person opening what the member tells ("nån har klippt av strömmen") or a named one acting in the present
    /// ("he holds something metal"); someone trying to take a child; a relative not home and not answering; signs at the
    /// home (<see cref="IntentLexicon.SensedNear"/>); someone at a door the member wonders whether to open. Told in the
    /// member's own present words, and not a question (unless it asks about a noise in the home), past (unless someone is
    /// back or the home stands open now: "bilen från igår står här igen", "dörren står öppen, jag låste den i morse"),
    /// general, hypothetical, written or said not to be urgent.
    /// Nothing of a kind of danger may be named ("samma svarta volvo bakom mig sen centrum", "min fru ser en man lysa in med
    /// ficklampa"), but the bot cannot tell it is calm either, so it asks: the blind sets found a new kind each round.
    /// </summary>
    private static bool SomeoneAtTheMember(Utterance u, bool question) =>
        (u.Has(L.OpenTheDoor) && u.Has(L.Someone)) // "ska jag öppna? han säger att han e från elbolaget": asked, still someone at the door
        || ((u.HasNotFollowedBy(L.Someone, L.Else) && (u.Has(L.ToMe) || u.Has(L.Place) || u.Has(L.PresenceVerb) || u.Has(L.Relative) || u.Has(L.Fear) || u.Has(L.Now) || u.Has(L.Again)))
            || ((u.HasOpening(L.SomeoneUnknown, L.ClauseOpeners) || u.HasActingNow(L.Someone, L.ClauseOpeners)) && !u.Has(L.Ahead))
            || (u.Has(L.TriedToTake) && u.Has(L.Someone)) || (u.Has(L.NotHome) && u.Has(L.NoAnswer)) || u.Has(L.SensedNear) || (u.Has(L.Fear) && u.Has(L.Self) && (u.Has(L.Place) || u.Has(L.Now))))
        && (!question || u.Has(L.NoiseAsked) || u.Has(L.WhatNow)) // "vad är det för ljud på vinden" asks of danger now; "..., vad ska jag göra" asks what to do about it
        && (!u.Has(L.Past) || (u.Has(L.Again) && u.Has(L.PresenceVerb)) || u.Has(L.HomeOpen)) && !MentionsYear(u) && !u.Has(L.General) && !u.Has(L.Hypothetical) && !u.Has(L.Conditional)
        && !u.Has(L.NotUrgent) && !u.Has(L.Written) && !u.Has(L.Published) && !u.Has(L.SafeNow) && !u.SaysWhenAhead() && !OwnEventAhead(u);

    /// <summary>
    /// A parcel with wires in it, in whatever order it is told ("opened a parcel ... there are wires and a battery"), and not
    /// past: asked about, not given 112 at once, as the member's own kit comes with wires too.
    /// </summary>
    private static bool ParcelWithWires(Utterance u) => u.Has(L.Parcel) && u.Has(L.DeviceParts) && !u.Has(L.Equipment) && !u.Has(L.Past);

    /// <summary>An event ahead the member hosts or attends ("jag ska ha medborgarmöte i maj").</summary>
    private static bool OwnEventAhead(Utterance u) => u.Has(L.EventNouns) && u.Has(L.TakingPart) && u.Has(L.Ahead);

    /// <summary>The member places only themself ("jag sitter hemma och läser"): nobody else is said to be there.</summary>
    /// <remarks>Read in the member's own words: "vi står utanför ditt hus" quoted from a text is someone else.</remarks>
    private static bool OnlySelf(Utterance u)
    {
        var own = u.Unquoted ?? u;
        return own.Has(L.PresenceVerb) && own.Has(L.Self) && !u.Has(L.Someone) && !u.Has(L.Relative)
            && !u.Has(L.SensedNear) && !u.Has(L.ViolenceNow) && !u.Has(L.Presence); // "jag sitter hemma, det bankar på fönstret"
    }

    /// <summary>Weapons, violence, "akut" (but not "inte akut"): danger now on their own.</summary>
    internal static bool DangerNowSaid(Utterance u) => u.Has(L.DangerNow) || (u.Has(L.Urgent) && !u.Has(L.NotUrgent));

    /// <summary>
    /// English present progressive ("he is punching", "they're walking up"): happening as the member writes. The member's
    /// own doing ("I'm chairing the meeting") is not, unless it is done to them ("I am being followed").
    /// </summary>
    private static bool IsProgressive(Utterance u)
    {
        for (var i = 0; i + 1 < u.Tokens.Count; i++)
        {
            var own = i > 0 && u.Tokens[i - 1] is "i" or "we" && u.Tokens[i + 1] != "being";
            if (!own && u.Tokens[i] is "is" or "are" or "am" && u.Tokens[i + 1].Length > 4 && u.Tokens[i + 1].EndsWith("ing", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A year ("in 2022", "2019"): the member tells of something that happened then.</summary>
    private static bool MentionsYear(Utterance u) =>
        u.Tokens.Any(t => t.Length == 4 && t.All(char.IsAsciiDigit) && t[0] is '1' or '2' && t[1] is '9' or '0');
}
