using Trygg.Conversation.State;
using Trygg.Conversation.Turns;

namespace Trygg.EvidenceFiles;

/// <summary>
/// "Lägg till bevis" is open for one of the member's reports: files they send in their chat until it expires are kept
/// with that case. Only the case's address is kept here, never a file.
/// </summary>
internal sealed record EvidenceStep(string OrganisationId, string CaseNumber, DateTimeOffset OpenedAt)
{
    public const string Slot = "evidence-step";

    public static StateKey KeyFor(Turn turn) => new(turn.TenantId, turn.ConversationId, turn.MemberId, Slot);
}
