using Trygg.Cards;
using Trygg.Conversation.Handover;
using Trygg.Conversation.Languages;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Conversation.Welcome;
using Trygg.Texts;

namespace Trygg.Conversation;

/// <summary>
/// Sends each turn to the feature that owns it: card buttons by their verb (a table built once from
/// every registered <see cref="ICardActionHandler"/>), everything else to the conversation handler.
/// </summary>
public sealed partial class TurnRouter
{
    private const int MaxContinuations = 4;

    private readonly Dictionary<string, ICardActionHandler> _byVerb;
    private readonly IConversationHandler _conversation;
    private readonly IConversationStateStore _state;
    private readonly IPersonalChatHandover _handover;
    private readonly LanguagePolicy _languages;
    private readonly ICardRenderer _cards;
    private readonly ILogger<TurnRouter> _logger;

    public TurnRouter(
        IEnumerable<ICardActionHandler> actionHandlers,
        IConversationHandler conversation,
        IConversationStateStore state,
        IPersonalChatHandover handover,
        LanguagePolicy languages,
        ICardRenderer cards,
        ILogger<TurnRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(actionHandlers);
        _conversation = conversation;
        _state = state;
        _handover = handover;
        _languages = languages;
        _cards = cards;
        _logger = logger;
        _byVerb = new Dictionary<string, ICardActionHandler>(StringComparer.Ordinal);
        foreach (var handler in actionHandlers)
        {
            foreach (var verb in handler.Verbs)
            {
                if (!_byVerb.TryAdd(verb, handler))
                {
                    throw new InvalidOperationException($"Card verb '{verb}' is claimed by both {_byVerb[verb].GetType().Name} and {handler.GetType().Name}.");
                }
            }
        }
    }

    public IReadOnlyCollection<string> Verbs => _byVerb.Keys;

    /// <summary>
    /// Runs the owning feature. A feature that fails (storage down, a bug) never surfaces as an error page:
    /// the member is told, in their language, to try again, and the failure is logged without any content.
    /// </summary>
    public async Task RouteAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);

        // Member data is keyed on the Entra object id only: without one, a turn gets a neutral line and touches nothing.
        if (IsMemberTurn(turn) && !turn.User.IsIdentified)
        {
            LogUnidentified(turn.Kind);
            AnswerUnidentified(turn, replies);
            return;
        }

        // The member's state rows (language choice, draft) are read together, once, the first time the turn needs one.
        using var snapshot = turn.User.IsIdentified ? _state.BeginTurn(turn.TenantId, turn.ConversationId, turn.MemberId) : null;
        try
        {
            var language = await _languages.DecideAsync(turn, cancellationToken);
            turn = language.Turn;
            if (language.Switched)
            {
                // The confirmation, then what the bot can do, now in that language: someone who had to ask for their language
                // has usually not yet read the menu in it.
                replies.SendText(LanguageTexts.For(turn.Language).Switched);
                replies.SendCard(WelcomeCard.For(turn.Language).Render(_cards));
                return;
            }

            await DispatchAsync(turn, replies, cancellationToken);
            for (var hops = 0; replies.TakeContinuation() is { } next; hops++)
            {
                if (hops == MaxContinuations)
                {
                    throw new InvalidOperationException($"More than {MaxContinuations} continuations in one turn (last: {next.Verb}).");
                }

                await RouteActionAsync(turn with { Action = next }, replies, cancellationToken);
            }

            replies.Close();

            if (turn.Kind == TurnKind.CardExecute)
            {
                replies.SettleExecute();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFeatureFailed(turn.Kind, ex.GetType().Name, ex);
            var message = CommonTexts.For(turn.Language).TryAgain;
            replies.Clear();
            if (turn.Kind == TurnKind.CardExecute)
            {
                replies.Fail(503, "TryAgain", message);
            }
            else if (turn.Kind is TurnKind.Message or TurnKind.CardSubmit)
            {
                replies.SendText(message);
            }
        }
    }

    /// <summary>
    /// A private flow asked for in a group chat or a channel: one short line there (with 112 when the member may be in
    /// danger, safety first) and the flow continues in the member's 1:1 chat. Nothing of the member's data runs here.
    /// </summary>
    private async Task HandOverAsync(Turn turn, string verb, TurnReplies replies, CancellationToken cancellationToken)
    {
        await _handover.HandOverAsync(turn, verb, cancellationToken);
        LogHandedOver(verb, turn.Scope);

        // Should queueing fail, the router's catch answers with "try again" instead, which carries 112 as well.
        var t = HandoverTexts.For(turn.Language);
        replies.ShowText(turn, verb == FeatureVerbs.Acute ? t.InGroupAcute : t.InGroup);
    }

    private static bool IsMemberTurn(Turn turn) => turn.Kind is TurnKind.Message or TurnKind.CardSubmit or TurnKind.CardExecute;

    private static void AnswerUnidentified(Turn turn, TurnReplies replies)
    {
        // No member state without an identity: the language of what they wrote, else their client's.
        var message = CommonTexts.For(LanguageDetector.Detect(turn.Text) ?? turn.Language).Unidentified;
        if (turn.Kind == TurnKind.CardExecute)
        {
            replies.Fail(403, "Unidentified", message);
        }
        else
        {
            replies.SendText(message);
        }
    }

    private Task DispatchAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        switch (turn.Kind)
        {
            case TurnKind.Message:
                return _conversation.OnMessageAsync(turn, replies, cancellationToken);
            case TurnKind.Installed:
                return _conversation.OnInstalledAsync(turn, replies, cancellationToken);
            case TurnKind.CardSubmit:
            case TurnKind.CardExecute:
                return RouteActionAsync(turn, replies, cancellationToken);
            default:
                return Task.CompletedTask;
        }
    }

    private Task RouteActionAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var verb = turn.Action?.Verb;
        if (PersonalOnly.MustMove(turn, verb) && _byVerb.ContainsKey(verb!))
        {
            return HandOverAsync(turn, verb!, replies, cancellationToken);
        }

        if (verb is not null && _byVerb.TryGetValue(verb, out var handler))
        {
            return handler.HandleAsync(turn, replies, cancellationToken);
        }

        LogUnknownVerb(verb ?? "(none)");
        var message = CommonTexts.For(turn.Language).UnknownAction;
        if (turn.Kind == TurnKind.CardExecute)
        {
            replies.Fail(400, "UnknownVerb", message);
        }
        else
        {
            replies.SendText(message);
        }

        return Task.CompletedTask;
    }

    // The exception is logged for its stack trace; feature code never puts member text into exception messages.
    [LoggerMessage(Level = LogLevel.Error, Message = "Feature failed on a {Kind} turn with {ExceptionType}")]
    private partial void LogFeatureFailed(TurnKind kind, string exceptionType, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} turn without an Entra object id was answered without member data")]
    private partial void LogUnidentified(TurnKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} asked for in a {Scope} conversation: continued in the member's personal chat")]
    private partial void LogHandedOver(string verb, ConversationScope scope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card action with unknown verb {Verb}")]
    private partial void LogUnknownVerb(string verb);
}
