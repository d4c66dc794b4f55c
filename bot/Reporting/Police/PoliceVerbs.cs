namespace Trygg.Reporting.Police;

/// <summary>The police-report help's card verbs; data <c>case</c> (the member's case number).</summary>
public static class PoliceVerbs
{
    /// <summary>"Underlag för polisanmälan" from the receipt and "mina rapporter".</summary>
    public const string Summary = "police.summary";

    /// <summary>The same as a PDF in the member's 1:1 chat.</summary>
    public const string Pdf = "police.pdf";

    /// <summary>"Jag har polisanmält", with the police's case number in the input <c>policeNumber</c>.</summary>
    public const string Reported = "police.reported";

    /// <summary>Tap to call the police's non-emergency number.</summary>
    public const string CallUrl = "tel:11414";

    /// <summary>
    /// The police's page on reporting a crime, which leads to their e-service where a crime can be reported online. The
    /// guidance names 114 14 and the police station; the web address is the police's own.
    /// </summary>
    public const string ReportOnlineUrl = "https://polisen.se/utsatt-for-brott/polisanmalan/";
}
