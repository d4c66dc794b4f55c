
namespace Trygg.Reporting;

/// <summary>The report conversation's card verbs.</summary>
public static class ReportingVerbs
{
    public const string Start = "reporting.start";
    public const string Acute = "reporting.acute";
    public const string Safe = "reporting.safe";
    public const string Unsafe = "reporting.unsafe";
    public const string Form = "reporting.form";
    public const string Next = "reporting.next";

    /// <summary>"Hoppa över" or "Klart" on the file step: on to the second part of the form, with or without files.</summary>
    public const string FilesDone = "reporting.files";
    public const string Back = "reporting.back";
    public const string Preview = "reporting.preview";
    public const string Edit = "reporting.edit";
    public const string Send = "reporting.send";
    public const string Cancel = "reporting.cancel";
    public const string MyReports = "reporting.myreports";

    /// <summary>The receipt's automatic refresh: the delivery state of each recipient as it is now.</summary>
    public const string Receipt = "reporting.receipt";
}
