namespace Trygg.Conversation.Intents;

/// <summary>
/// Trains the learnt readers (<see cref="DangerModel"/>, <see cref="IntentModel"/>) while the app starts, off the start
/// path, so that no member's first message, least of all an acute one, waits the half second their training takes.
/// </summary>
internal sealed class LearntReadersWarmUp : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() => (DangerModel.Shared, IntentModel.Shared), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
