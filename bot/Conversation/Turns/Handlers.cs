namespace Trygg.Conversation.Turns;

/// <summary>A feature's card buttons: each verb (namespaced, e.g. "welcome.language") maps to one handler.</summary>
public interface ICardActionHandler
{
    IReadOnlyCollection<string> Verbs { get; }

    Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken);
}

/// <summary>Handles what the member writes (free text) and lifecycle turns; exactly one is registered.</summary>
public interface IConversationHandler
{
    Task OnMessageAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken);

    Task OnInstalledAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken);
}
