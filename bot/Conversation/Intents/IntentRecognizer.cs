using System.Globalization;
using System.Text;

namespace Trygg.Conversation.Intents;

public enum Intent
{
    /// <summary>Something happened and the member wants (or needs) to report it.</summary>
    Report,

    /// <summary>Danger now: 112 before anything else. Never to be mistaken for anything milder.</summary>
    Acute,

    /// <summary>A question about safety, answered from the guidance.</summary>
    Question,

    /// <summary>About the security training.</summary>
    Training,

    /// <summary>A greeting or a call for help/the menu: answered with the welcome card.</summary>
    Help,

    /// <summary>The member's own reports.</summary>
    MyReports,

    /// <summary>Telling the security unit about a sensitive meeting or decision ahead.</summary>
    Meeting,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>
/// Recognises what a member wants from free text. For now only greetings and "help" (in Swedish and
/// English, with or without å/ä/ö); the full recogniser for reports and questions comes with reporting.
/// </summary>
public static class IntentRecognizer
{
    private static readonly HashSet<string> HelpWords = new(StringComparer.Ordinal)
    {
        "hej", "hejsan", "hallå", "hallå där", "tja", "tjena", "god morgon", "god dag", "hjälp", "meny", "menyn", "start", "börja",
        "vad kan du", "vad kan du göra", "hi", "hello", "hey", "help", "menu", "what can you do",
    };

    private static readonly HashSet<string> FoldedHelpWords = new(HelpWords.Select(Fold), StringComparer.Ordinal);

    public static Intent Recognize(string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0 || HelpWords.Contains(normalized) || FoldedHelpWords.Contains(Fold(normalized)))
        {
            return Intent.Help;
        }

        return Intent.Other;
    }

    /// <summary>Lower case, punctuation and emoji dropped, runs of white space collapsed.</summary>
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
            else if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Members often type without å/ä/ö: "hjalp" means "hjälp".</summary>
    internal static string Fold(string text) => text.Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o');
}
