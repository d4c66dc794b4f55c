using System.Collections.Concurrent;
using Trygg.Conversation.State;

namespace Trygg.Fakes;

/// <summary>A hand-written in-memory state store for unit tests of one class (the real one is tested against Azurite).</summary>
internal sealed class InMemoryStateStore : IConversationStateStore
{
    private readonly ConcurrentDictionary<StateKey, object> _values = new();

    public bool Fail { get; set; }

    public Task<T?> GetAsync<T>(StateKey key, CancellationToken cancellationToken) where T : class
    {
        ThrowIfFailing();
        return Task.FromResult(_values.TryGetValue(key, out var value) ? (T)value : null);
    }

    public Task<T> UpdateAsync<T>(StateKey key, Func<T?, T> update, CancellationToken cancellationToken) where T : class
    {
        ThrowIfFailing();
        var result = (T)_values.AddOrUpdate(key, _ => update(null), (_, current) => update((T)current));
        return Task.FromResult(result);
    }

    public Task DeleteAsync(StateKey key, CancellationToken cancellationToken)
    {
        _values.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public IDisposable BeginTurn(string tenantId, string conversationId, string userId) => new NoScope();

    private void ThrowIfFailing()
    {
        if (Fail)
        {
            throw new InvalidOperationException("storage is down");
        }
    }

    private sealed class NoScope : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
