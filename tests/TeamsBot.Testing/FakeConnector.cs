using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trygg.Teams.Wire;

namespace Trygg.Testing;

/// <summary>
/// A Bot Connector on a loopback port, shaped like the Agents Playground's emulated connector (protocol.md §6):
/// routes under <c>/_connector</c>, a <see cref="ServiceUrl"/> without trailing slash. It records every request,
/// answers like Teams would, and can be told to fail the next calls (<see cref="EnqueueFault"/>, <see cref="FaultSelector"/>).
/// Differences from the Playground: DELETE answers 200 (the Playground says 501), and text plus attachments are
/// never split into several messages, so every non-typing POST answers 201 with an id.
/// </summary>
public sealed partial class FakeConnector : IAsyncDisposable
{
    public const string BasePath = "/_connector";

    /// <summary>Default wait of <see cref="WaitForAsync"/>.</summary>
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<FakeConnectorRequest> _requests = [];
    private readonly List<JsonNode> _messages = [];
    private readonly List<Waiter> _waiters = [];
    private readonly Queue<FakeConnectorFault> _faults = new();
    private readonly List<(string? ConversationId, TeamsChannelAccount Member)> _members = [];
    private readonly Dictionary<(string ConversationId, string ActivityId), JsonNode?> _activities = [];
    private readonly Dictionary<string, string> _personalChats = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly WebApplication _app;
    private long _sequence;
    private long _nextActivityId = 1_700_000_000_000;

    private FakeConnector(WebApplication app, string serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    /// <summary>Base URL to put in activities' <c>serviceUrl</c>, e.g. <c>http://127.0.0.1:51234/_connector</c> (no trailing slash, like the Playground).</summary>
    public string ServiceUrl { get; }

    /// <summary>Consulted for each request after the <see cref="EnqueueFault"/> queue is empty; return null to answer normally.</summary>
    public Func<FakeConnectorRequest, FakeConnectorFault?>? FaultSelector { get; set; }

    /// <summary>When set, requests without <c>Authorization: Bearer &lt;this&gt;</c> get 401.</summary>
    public string? RequiredBearerToken { get; set; }

    /// <summary>Every request so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<FakeConnectorRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>
    /// Bodies of the activities the fake accepted as posts (a snapshot): send, reply, and the <c>activity</c> of a
    /// channel-thread create-conversation. Typing activities (answered 202) and faulted attempts are not included,
    /// so a retried send appears once.
    /// </summary>
    public IReadOnlyList<JsonNode> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Start on a free loopback port.</summary>
    public static async Task<FakeConnector> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // The test folder holds the bot's appsettings*.json; none of it (Kestrel endpoints, logging) may leak in here.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        var app = builder.Build();
        FakeConnector? connector = null;
        app.Run(context => connector!.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        connector = new FakeConnector(app, address.TrimEnd('/') + BasePath);
        return connector;
    }

    /// <summary>Answer the next <paramref name="times"/> requests with <paramref name="fault"/> (queued after earlier faults).</summary>
    public void EnqueueFault(FakeConnectorFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>Make GET members/{id} find <paramref name="member"/> (by id, aadObjectId or UPN), in one conversation or (null) in all.</summary>
    public void AddMember(TeamsChannelAccount member, string? conversationId = null)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            _members.Add((conversationId, member));
        }
    }

    /// <summary>The latest body posted or PUT for an activity, or null when unknown or deleted.</summary>
    public JsonNode? GetActivity(string conversationId, string activityId)
    {
        lock (_gate)
        {
            return _activities.GetValueOrDefault((conversationId, activityId))?.DeepClone();
        }
    }

    /// <summary>Forget recorded requests, messages, activities and pending faults (members and <see cref="FaultSelector"/> stay).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
            _messages.Clear();
            _activities.Clear();
            _faults.Clear();
        }
    }

    /// <summary>The first request (already recorded or still to come) matching <paramref name="predicate"/>.</summary>
    /// <exception cref="TimeoutException">None arrived in time; the message lists what did arrive.</exception>
    public async Task<FakeConnectorRequest> WaitForAsync(Func<FakeConnectorRequest, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var waiter = new Waiter(predicate);
        lock (_gate)
        {
            var existing = _requests.FirstOrDefault(predicate);
            if (existing is not null)
            {
                return existing;
            }

            _waiters.Add(waiter);
        }

        var wait = timeout ?? DefaultWaitTimeout;
        try
        {
            return await waiter.Completion.Task.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"No matching connector request within {wait}. Received: [{string.Join(", ", Requests)}]", ex);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>The first accepted send, reply or thread post matching <paramref name="predicate"/> (any when null).</summary>
    public Task<FakeConnectorRequest> WaitForMessageAsync(Func<FakeConnectorRequest, bool>? predicate = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(
            r => r.Succeeded
                && r.Operation is FakeConnectorOperation.SendToConversation or FakeConnectorOperation.ReplyToActivity or FakeConnectorOperation.CreateConversation
                && (predicate is null || predicate(r)),
            timeout,
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var waiter in _waiters)
            {
                waiter.Completion.TrySetCanceled();
            }
        }

        // Injected hangs end now; Kestrel's graceful stop would otherwise wait for them.
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Record(FakeConnectorRequest request, JsonNode? acceptedMessage)
    {
        List<Waiter> matched = [];
        lock (_gate)
        {
            _requests.Add(request);
            if (acceptedMessage is not null)
            {
                _messages.Add(acceptedMessage);
            }

            foreach (var waiter in _waiters)
            {
                if (waiter.Predicate(request))
                {
                    matched.Add(waiter);
                }
            }
        }

        foreach (var waiter in matched)
        {
            waiter.Completion.TrySetResult(request);
        }
    }

    private sealed class Waiter(Func<FakeConnectorRequest, bool> predicate)
    {
        public Func<FakeConnectorRequest, bool> Predicate { get; } = predicate;
        public TaskCompletionSource<FakeConnectorRequest> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
