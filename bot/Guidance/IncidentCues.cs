using System.Text.RegularExpressions;

namespace Trygg.Guidance;

/// <summary>
/// Whether a question the guidance cannot answer sounds like something has happened to the member ("någon hotade
/// mig igår"), so the "I don't know" card offers to report it. Errs towards offering: a report button is harmless.
/// </summary>
internal static partial class IncidentCues
{
    public static bool SoundsLikeSomethingHappened(string? question) =>
        !string.IsNullOrWhiteSpace(question) && Cue().IsMatch(question);

    // Swedish and English: what happened to me (past tense, passive), and when (igår, nyss, last night).
    [GeneratedRegex(
        @"\b(blivit|blev|hotade|hotad|hotat|trakasserad|trakasserade|förföljd|förföljer|slog|slagen|misshandlad|attackerad|knuffade|knuffad|spottade|skrek|kastade|skickade|ringde|fick (ett|en|hot|mejl|mail|sms|brev|samtal)|hände|hänt|har hänt|igår|i går|i morse|i kväll|ikväll|i natt|inatt|nyss|förra veckan|i helgen|" +
        @"happened|threatened|harassed|attacked|assaulted|followed me|stalked|got an?|received|yesterday|last night|this morning|earlier today)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cue();
}
