using System.Text.Json.Nodes;

namespace Trygg.Testing;

/// <summary>
/// Scripted failures per path (<see cref="FailWhen"/>) and what the fake recorded by kind: threads and chats it
/// created, cards it updated, and the 1:1 chats it opened.
/// </summary>
public sealed partial class FakeConnector
{
    private readonly List<FakeConnectorScript> _scripts = [];

    /// <summary>
    /// Answer requests matching <paramref name="when"/> with <paramref name="fault"/>, <paramref name="times"/> times
    /// (default: until <see cref="FakeConnectorScript.Stop"/>). Consulted after the <see cref="EnqueueFault"/> queue and
    /// before <see cref="FaultSelector"/>; earlier scripts win.
    /// </summary>
    public FakeConnectorScript FailWhen(Func<FakeConnectorRequest, bool> when, FakeConnectorFault fault, int times = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(when);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        var script = new FakeConnectorScript(this, when, fault, times);
        lock (_gate)
        {
            _scripts.Add(script);
        }

        return script;
    }

    /// <summary>Teams' answer while the app is not installed for a user: opening a 1:1 chat with them fails with 403.</summary>
    public FakeConnectorScript NotInstalledFor(string memberId) =>
        FailWhen(r => r.IsOpenPersonalChatWith(memberId), FakeConnectorFault.Status(403, "Forbidden", "The bot is not installed for the user."));

    /// <summary>Accepted create-conversation calls (channel threads and 1:1 chats), in order.</summary>
    public IReadOnlyList<FakeConnectorRequest> Creates => Succeeded(FakeConnectorOperation.CreateConversation);

    /// <summary>Accepted card updates (PUT), in order.</summary>
    public IReadOnlyList<FakeConnectorRequest> Updates => Succeeded(FakeConnectorOperation.UpdateActivity);

    /// <summary>Accepted new threads in channel <paramref name="channelId"/>, in order.</summary>
    public IReadOnlyList<FakeConnectorRequest> ThreadsIn(string channelId) =>
        [.. Creates.Where(r => r.IsNewThread() && Text(r.Body?["channelData"]?["channel"]?["id"]) == channelId)];

    /// <summary>The 1:1 chat the fake opened for <paramref name="memberId"/> (as given in members[0].id), or null.</summary>
    public string? PersonalChatOf(string memberId)
    {
        lock (_gate)
        {
            return _personalChats.GetValueOrDefault(memberId);
        }
    }

    /// <summary>Accepted sends into a conversation, in order.</summary>
    public IReadOnlyList<FakeConnectorRequest> SendsTo(string conversationId) =>
        [.. Requests.Where(r => r.Succeeded && r.Operation == FakeConnectorOperation.SendToConversation && r.ConversationId == conversationId)];

    private IReadOnlyList<FakeConnectorRequest> Succeeded(FakeConnectorOperation operation) =>
        [.. Requests.Where(r => r.Succeeded && r.Operation == operation)];

    private FakeConnectorFault? NextScriptedFault(FakeConnectorRequest request)
    {
        lock (_gate)
        {
            foreach (var script in _scripts)
            {
                if (script.TryTake(request))
                {
                    return script.Fault;
                }
            }
        }

        return null;
    }

    internal void Remove(FakeConnectorScript script)
    {
        lock (_gate)
        {
            _scripts.Remove(script);
        }
    }
}

/// <summary>A scripted failure rule of the <see cref="FakeConnector"/>; <see cref="Stop"/> ends it early.</summary>
public sealed class FakeConnectorScript
{
    private readonly FakeConnector _owner;
    private readonly Func<FakeConnectorRequest, bool> _when;
    private int _remaining;
    private int _hits;

    internal FakeConnectorScript(FakeConnector owner, Func<FakeConnectorRequest, bool> when, FakeConnectorFault fault, int times)
    {
        _owner = owner;
        _when = when;
        Fault = fault;
        _remaining = times;
    }

    public FakeConnectorFault Fault { get; }

    /// <summary>How many requests this rule has failed so far.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>The rule answers no more requests (e.g. "the app is installed now").</summary>
    public void Stop() => _owner.Remove(this);

    /// <summary>Called under the fake's lock.</summary>
    internal bool TryTake(FakeConnectorRequest request)
    {
        if (_remaining <= 0 || !_when(request))
        {
            return false;
        }

        _remaining--;
        _hits++;
        return true;
    }
}

public static class FakeConnectorRequestExtensions
{
    /// <summary>A create-conversation that opens a 1:1 chat with <paramref name="memberId"/>.</summary>
    public static bool IsOpenPersonalChatWith(this FakeConnectorRequest request, string memberId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Operation == FakeConnectorOperation.CreateConversation
            && !request.IsNewThread()
            && request.Body?["members"] is JsonArray { Count: > 0 } members
            && members[0]?["id"] is JsonValue id && id.TryGetValue<string>(out var value) && value == memberId;
    }

    /// <summary>A create-conversation that starts a thread in a channel.</summary>
    public static bool IsNewThread(this FakeConnectorRequest request) =>
        request is { Operation: FakeConnectorOperation.CreateConversation }
        && request.Body?["isGroup"] is JsonValue g && g.GetValueKind() == System.Text.Json.JsonValueKind.True;
}
