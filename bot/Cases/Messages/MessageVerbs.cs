namespace Trygg.Cases.Messages;

/// <summary>The verbs of a case's messages. Data: <c>case</c>, <c>org</c>, <c>msg</c> (the id to store under), plus inputs.</summary>
internal static class MessageVerbs
{
    /// <summary>Staff write to the member (from the case details; input <c>message</c>).</summary>
    public const string Write = "cases.write";

    /// <summary>The member answers (the "Svara" box, input <c>reply</c>; or "Ja, skicka som svar").</summary>
    public const string Reply = "messages.reply";

    /// <summary>The member typed while the unit waits for them (data <c>text</c>, <c>acute</c>): ask whether it is the answer.</summary>
    public const string Typed = "messages.typed";

    /// <summary>The member reads the messages of their report (from "mina rapporter").</summary>
    public const string Thread = "messages.thread";

    public static readonly IReadOnlyCollection<string> Member = [Reply, Typed, Thread];
}
