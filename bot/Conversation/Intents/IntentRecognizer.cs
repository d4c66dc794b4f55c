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
    public static Intent Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Intent.Help;
        }

        var u = Utterance.From(text);
        if (u.IsEmpty)
        {
            return Intent.Other; // an emoji or punctuation: an acknowledgement, not a request for the menu
        }

        if (IsAcute(u))
        {
            return Intent.Acute;
        }

        if (IsHelp(u))
        {
            return Intent.Help;
        }

        if (u.Has(L.OwnReportsList) || (u.Has(L.OwnReport) && u.Has(L.Status)))
        {
            return Intent.MyReports;
        }

        if (u.Has(L.Training))
        {
            return Intent.Training;
        }

        var harm = IsHarm(u);
        if (IsMeeting(u, harm))
        {
            return Intent.Meeting;
        }

        var told = harm || u.Has(L.ReportWords);
        if (IsQuestion(u))
        {
            // "Jag fick ett hotbrev, vad gör jag?" tells of an event; "vad gör jag om jag blir hotad?" does not.
            if (harm && u.Has(L.Event) && !u.Has(L.Hypothetical))
            {
                return Intent.Report;
            }

            return told || u.Has(L.Topic) ? Intent.Question : Intent.Other;
        }

        if (told)
        {
            return Intent.Report;
        }

        if (u.Has(L.Fear))
        {
            return Intent.Acute; // fear with nothing else said: 112 first costs little
        }

        return u.Has(L.KeyTopic) ? Intent.Question : Intent.Other;
    }

    private static bool IsAcute(Utterance u)
    {
        var now = u.Has(L.Now);
        if (u.Has(L.Past) && !now)
        {
            return false;
        }

        var cry = u.Has(L.CryForHelp) && !u.Has(L.HelpMeTo);
        if (IsQuestion(u) && u.Has(L.Hypothetical) && !now && !cry)
        {
            return false; // "vad gör jag om någon står utanför?" asks for advice
        }

        if (u.Has(L.DangerNow) || u.Has(L.Presence) || u.Has(L.Progressive))
        {
            return true;
        }

        if (u.Has(L.Danger) && (now || cry || u.Has(L.Fear)))
        {
            return true;
        }

        return cry && u.Has(L.Harm);
    }

    private static bool IsHarm(Utterance u) =>
        u.Has(L.Danger) || u.Has(L.DangerNow) || u.Has(L.Harm) || (u.Has(L.Publish) && u.Has(L.Private));

    private static bool IsHelp(Utterance u) =>
        u.OnlyUses(L.HelpVocabulary) && (u.Has(L.Greetings) || u.Has(L.HelpWords));

    /// <summary>A meeting or decision ahead that may stir people up; harm alone (threats "after the meeting") is a report.</summary>
    private static bool IsMeeting(Utterance u, bool harm)
    {
        if (!u.Has(L.MeetingNouns))
        {
            return false;
        }

        var heated = u.Has(L.Heated);
        var notice = u.Has(L.Notice);
        if (harm && !heated && !notice)
        {
            return false;
        }

        return heated || notice || u.Has(L.Ahead);
    }

    private static bool IsQuestion(Utterance u)
    {
        if (u.AsksQuestion)
        {
            return true;
        }

        var first = u.Tokens.Take(1).ToArray();
        var second = u.Tokens.Skip(1).Take(1).ToArray();
        return L.QuestionWords.Any(c => c.IsIn(first))
            || L.EnglishQuestionVerbs.Any(c => c.IsIn(first))
            || (L.QuestionVerbs.Any(c => c.IsIn(first)) && L.Subjects.Any(c => c.IsIn(second)));
    }

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
