namespace Trygg.Conversation;

/// <summary>
/// Entry points of features the conversation hands text to. Kept as strings so Conversation/ does not depend on
/// the features; a unit test checks each one is claimed by a registered handler.
/// </summary>
public static class FeatureVerbs
{
    public const string Report = "reporting.start";
    public const string Acute = "reporting.acute";
    public const string CancelReport = "reporting.cancel";
    public const string MyReports = "reporting.myreports";
    public const string Meeting = "meeting.start";
    public const string Profile = "profile.show";
    public const string RegisterChannel = "routing.registerchannel";

    public static readonly IReadOnlyList<string> All = [Report, Acute, CancelReport, MyReports, Meeting, Profile, RegisterChannel];
}

/// <summary>Short commands a member can write, matched before intent recognition.</summary>
public static class Commands
{
    private static readonly Dictionary<string, string> ByText = new(StringComparer.Ordinal)
    {
        ["andra profil"] = FeatureVerbs.Profile,
        ["min profil"] = FeatureVerbs.Profile,
        ["profil"] = FeatureVerbs.Profile,
        ["edit profile"] = FeatureVerbs.Profile,
        ["my profile"] = FeatureVerbs.Profile,
        ["profile"] = FeatureVerbs.Profile,
        ["avbryt"] = FeatureVerbs.CancelReport,
        ["avbryt rapporten"] = FeatureVerbs.CancelReport,
        ["cancel"] = FeatureVerbs.CancelReport,
        ["rapportera"] = FeatureVerbs.Report,
        ["registrera sakerhetskanal"] = FeatureVerbs.RegisterChannel,
        ["register security channel"] = FeatureVerbs.RegisterChannel,
        ["report"] = FeatureVerbs.Report,
    };

    public static string? Match(string? text)
    {
        var key = Intents.IntentRecognizer.Fold(Intents.IntentRecognizer.Normalize(text));
        return ByText.TryGetValue(key, out var verb) ? verb : null;
    }
}
