namespace Trygg.Cases;

/// <summary>The case card's buttons (Action.Execute verbs). Data: <c>case</c>, <c>org</c>, <c>view</c>, plus inputs.</summary>
internal static class CaseVerbs
{
    /// <summary>Teams' automatic (user-specific) refresh of the channel card.</summary>
    public const string Refresh = "cases.refresh";
    public const string Details = "cases.details";
    public const string Summary = "cases.summary";
    public const string Acknowledge = "cases.ack";
    public const string Take = "cases.take";
    public const string Assign = "cases.assign";
    public const string Note = "cases.note";
    public const string Close = "cases.close";

    /// <summary>Staff record that the party or the municipality filed the police report for the member.</summary>
    public const string Police = Trygg.Cases.Police.PoliceFilingForm.Verb;

    /// <summary>"Skriv till anmälaren" (Cases/Messages): input <c>message</c>, data <c>msg</c> (the message's id).</summary>
    public const string Write = "cases.write";

    /// <summary>"Öppna" on an evidence file (Cases/Files): data <c>evidence</c> (the file's id).</summary>
    public const string Evidence = "cases.evidence";

    public static readonly IReadOnlyCollection<string> All = [Refresh, Details, Summary, Acknowledge, Take, Assign, Note, Close, Police, Write, Evidence];
}
