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
    public const string Training = "training.status";
    public const string AnnualReview = "review.annual";
    public const string TrainingStatus = "training.unitstatus";
    public const string RegisterTraining = "training.register";
    public const string Ask = "guidance.ask";
    public const string Unanswered = "guidance.unanswered";

    /// <summary>Browse the guidance by topic ("vägledningen").</summary>
    public const string Browse = "guidance.browse";

    /// <summary>An administrator lists the question and passage pairs members found, to approve or reject ("förslag").</summary>
    public const string Suggestions = "guidance.suggestions";
    public const string RegisterChannel = "routing.registerchannel";
    public const string MyData = "privacy.mydata";
    public const string EraseData = "privacy.erase";
    /// <summary>The member's own contacts: security unit, on-call, party officer, 112, 114 14.</summary>
    public const string Contacts = "contacts.show";


    /// <summary>A message carried files or pasted images: evidence for a report, or a kind word on how to add it.</summary>
    public const string Files = "evidence.files";

    /// <summary>Add evidence to one of the member's own reports ("Lägg till bevis"; data: the case number).</summary>
    public const string AddEvidence = "evidence.add";

    public static readonly IReadOnlyList<string> All =
        [Report, Acute, CancelReport, MyReports, Meeting, Profile, Training, AnnualReview, TrainingStatus, RegisterTraining, Ask, Unanswered, RegisterChannel, MyData, EraseData, Contacts, Files, AddEvidence];
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
        ["min utbildning"] = FeatureVerbs.Training,
        ["utbildning"] = FeatureVerbs.Training,
        ["utbildningar"] = FeatureVerbs.Training,
        ["my training"] = FeatureVerbs.Training,
        ["utbildningsstatus"] = FeatureVerbs.TrainingStatus,
        ["training status"] = FeatureVerbs.TrainingStatus,
        ["training"] = FeatureVerbs.Training,
        ["fraga"] = FeatureVerbs.Ask,
        ["stall en fraga"] = FeatureVerbs.Ask,
        ["ask"] = FeatureVerbs.Ask,
        ["ask a question"] = FeatureVerbs.Ask,
        ["obesvarade fragor"] = FeatureVerbs.Unanswered,
        ["unanswered questions"] = FeatureVerbs.Unanswered,
        ["vagledningen"] = FeatureVerbs.Browse,
        ["vagledning"] = FeatureVerbs.Browse,
        ["guidance"] = FeatureVerbs.Browse,
        ["the guidance"] = FeatureVerbs.Browse,
        ["forslag"] = FeatureVerbs.Suggestions,
        ["suggestions"] = FeatureVerbs.Suggestions,
        ["vilka uppgifter har ni om mig"] = FeatureVerbs.MyData,
        ["vad har ni for uppgifter om mig"] = FeatureVerbs.MyData,
        ["vad vet ni om mig"] = FeatureVerbs.MyData,
        ["mina uppgifter"] = FeatureVerbs.MyData,
        ["what data do you have about me"] = FeatureVerbs.MyData,
        ["what do you know about me"] = FeatureVerbs.MyData,
        ["my data"] = FeatureVerbs.MyData,
        ["kontakt"] = FeatureVerbs.Contacts,
        ["kontakter"] = FeatureVerbs.Contacts,
        ["contact"] = FeatureVerbs.Contacts,
        ["contacts"] = FeatureVerbs.Contacts,
    };

    /// <summary>Commands followed by an argument ("årsrapport 2026"), as folded words.</summary>
    private static readonly Dictionary<string, string> WithArgument = new(StringComparer.Ordinal)
    {
        ["arsrapport"] = FeatureVerbs.AnnualReview,
        ["arsrapporten"] = FeatureVerbs.AnnualReview,
        ["arsuppfoljning"] = FeatureVerbs.AnnualReview,
        ["annual report"] = FeatureVerbs.AnnualReview,
        ["annual review"] = FeatureVerbs.AnnualReview,
        ["registrera utbildning"] = FeatureVerbs.RegisterTraining,
        ["register training"] = FeatureVerbs.RegisterTraining,
        ["radera uppgifter"] = FeatureVerbs.EraseData,
        ["erase data"] = FeatureVerbs.EraseData,
    };

    /// <summary>The data key under which a command's argument (the raw text after it) reaches the feature.</summary>
    public const string ArgumentKey = "argument";

    public static string? Match(string? text) => MatchWithArgument(text)?.Verb;

    /// <summary>The command in <paramref name="text"/> and the text after it (as written), if any.</summary>
    public static CommandMatch? MatchWithArgument(string? text)
    {
        var key = Intents.IntentRecognizer.Fold(Intents.IntentRecognizer.Normalize(text));
        if (ByText.TryGetValue(key, out var verb))
        {
            return new CommandMatch(verb, null);
        }

        var words = (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var count = Math.Min(2, words.Length); count >= 1; count--)
        {
            var head = Intents.IntentRecognizer.Fold(Intents.IntentRecognizer.Normalize(string.Join(' ', words.Take(count))));
            if (WithArgument.TryGetValue(head, out var withArgument))
            {
                var rest = string.Join(' ', words.Skip(count)).Trim();
                return new CommandMatch(withArgument, rest.Length == 0 ? null : rest);
            }
        }

        return null;
    }
}

/// <summary>A recognised command: the feature verb, and the text after the command words.</summary>
public sealed record CommandMatch(string Verb, string? Argument);
