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
