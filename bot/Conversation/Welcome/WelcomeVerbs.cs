namespace Trygg.Conversation.Welcome;

/// <summary>The welcome card's buttons.</summary>
public static class WelcomeVerbs
{
    public const string Report = "welcome.report";
    public const string Question = "welcome.question";
    public const string Training = "welcome.training";
    public const string MyReports = "welcome.myreports";
    public const string Guidance = "welcome.guidance";
    public const string Language = "welcome.language";
}
