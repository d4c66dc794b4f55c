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

    /// <summary>Anything else: a question for the guidance, since no other feature claims it.</summary>
    Other,

    /// <summary>Whom to call: the security unit, its on-call line, the party's security officer.</summary>
    Contact,

    /// <summary>Something that happened to the member, told with a question: the guidance's help and a way to report it.</summary>
    Told,

    /// <summary>Thanks, ok, an emoji: nothing asked, so the member is shown what they can do.</summary>
    Acknowledgement,
}
