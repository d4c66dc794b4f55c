using Trygg.Conversation.Handover;
using Trygg.Conversation.Turns;

namespace Trygg.Fakes;

/// <summary>Records the private flows the router handed over to a member's 1:1 chat.</summary>
internal sealed class RecordingHandover : IPersonalChatHandover
{
    public List<(string MemberId, string Verb)> HandedOver { get; } = [];

    public Task HandOverAsync(Turn turn, string verb, CancellationToken cancellationToken)
    {
        HandedOver.Add((turn.MemberId, verb));
        return Task.CompletedTask;
    }
}
