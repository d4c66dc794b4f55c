using Trygg.Cards;

namespace Trygg.Conversation.Turns;

/// <summary>One thing the bot says in answer to a turn.</summary>
public abstract record Reply
{
    private Reply()
    {
    }

    /// <summary>A new chat message with (markdown) text; <paramref name="Plain"/> when it carries what people typed (no links, no formatting).</summary>
    public sealed record Text(string Value, bool Plain = false) : Reply;

    /// <summary>A new chat message holding one card (sent without text so it can be updated later).</summary>
    public sealed record Card(AdaptiveCard Value) : Reply;
}

/// <summary>
/// The immediate answer to an Action.Execute press, carried in the same HTTP response.
/// </summary>
public abstract record ExecuteResult
{
    private ExecuteResult()
    {
    }

    /// <summary>Replace the clicked card (for the member who clicked).</summary>
    public sealed record ReplaceCard(AdaptiveCard Value) : ExecuteResult;

    /// <summary>Show a short message in place of the card action.</summary>
    public sealed record Message(string Value) : ExecuteResult;

    /// <summary>The action could not be done: a message in the member's language.</summary>
    public sealed record Failure(int StatusCode, string Code, string Text) : ExecuteResult;
}

/// <summary>Collects what a feature wants to say; Teams/ turns it into activities or an invoke response.</summary>
public sealed class TurnReplies
{
    private readonly List<Reply> _replies = [];
    private readonly List<Reply> _closing = [];

    public IReadOnlyList<Reply> Replies => _replies;

    public ExecuteResult? ExecuteResult { get; private set; }

    /// <summary>A card action to run next in the same turn (set by <see cref="ContinueWith"/>), or null.</summary>
    public CardAction? Continuation { get; private set; }

    public void SendText(string text) => _replies.Add(new Reply.Text(text));

    /// <summary>A message shown exactly as written (textFormat plain): for text that holds names or words people typed.</summary>
    public void SendPlainText(string text) => _replies.Add(new Reply.Text(text, Plain: true));

    public void SendCard(AdaptiveCard card) => _replies.Add(new Reply.Card(card));

    /// <summary>
    /// A card that comes after everything the continuation says (the offer to report after the guidance's answer),
    /// so a feature can hand the turn on and still close it with its own card.
    /// </summary>
    public void SendCardLast(AdaptiveCard card) => _closing.Add(new Reply.Card(card));

    /// <summary>
    /// Sends what was kept for last now, ahead of what the continuation says next: the offer to report a told incident
    /// leads when the guidance has nothing on it.
    /// </summary>
    public void SendClosingNow() => Close();

    /// <summary>A text kept for last, like <see cref="SendCardLast"/>.</summary>
    public void SendTextLast(string text) => _closing.Add(new Reply.Text(text));

    public void ReplaceCard(AdaptiveCard card) => ExecuteResult = new ExecuteResult.ReplaceCard(card);

    /// <summary>The next card of a flow: it replaces the clicked card (Action.Execute), or arrives as a new message.</summary>
    public void ShowCard(Turn turn, AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Kind == TurnKind.CardExecute)
        {
            ReplaceCard(card);
        }
        else
        {
            SendCard(card);
        }
    }

    public void ShowMessage(string text) => ExecuteResult = new ExecuteResult.Message(text);

    /// <summary>
    /// A short answer: to an Action.Execute press in its invoke response (a new chat message alone leaves the button
    /// showing an error), to a typed command or an Action.Submit as a message.
    /// </summary>
    public void ShowText(Turn turn, string text)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Kind == TurnKind.CardExecute)
        {
            ShowMessage(text);
        }
        else
        {
            SendText(text);
        }
    }

    public void Fail(int statusCode, string code, string message) => ExecuteResult = new ExecuteResult.Failure(statusCode, code, message);

    /// <summary>
    /// Hands the turn on to another feature's verb once this handler is done, e.g. the profile card continuing
    /// to the report form after saving. The router runs it in the same turn, as if that button had been pressed.
    /// </summary>
    public void ContinueWith(string verb, IReadOnlyDictionary<string, string?>? data = null) =>
        Continuation = new CardAction(verb, data ?? new Dictionary<string, string?>(StringComparer.Ordinal));

    internal CardAction? TakeContinuation()
    {
        var next = Continuation;
        Continuation = null;
        return next;
    }

    /// <summary>Appends the cards kept for last (<see cref="SendCardLast"/>) once every continuation has run.</summary>
    internal void Close()
    {
        _replies.AddRange(_closing);
        _closing.Clear();
    }

    /// <summary>
    /// An Action.Execute press needs its answer in the invoke response, or Teams shows the button as failed (HTTP 501).
    /// When a handler only said something as a new message, its last message becomes that answer instead: a text as
    /// the short message under the card, a card as the clicked card's replacement.
    /// </summary>
    internal void SettleExecute()
    {
        if (ExecuteResult is not null || _replies.Count == 0)
        {
            return;
        }

        var last = _replies[^1];
        _replies.RemoveAt(_replies.Count - 1);
        ExecuteResult = last switch
        {
            Reply.Text text => new ExecuteResult.Message(text.Value),
            Reply.Card card => new ExecuteResult.ReplaceCard(card.Value),
            _ => throw new InvalidOperationException("Unknown reply."),
        };
    }

    /// <summary>Forget everything collected so far (a feature failed halfway).</summary>
    public void Clear()
    {
        _replies.Clear();
        _closing.Clear();
        ExecuteResult = null;
        Continuation = null;
    }
}
