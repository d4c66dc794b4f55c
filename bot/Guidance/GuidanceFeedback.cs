namespace Trygg.Guidance;

/// <summary>
/// A member's "Fick du svar? Ja / Nej" on one answer. Deliberately without identity: the question text, what was
/// shown, the answer and when, and the organisation, so the security unit can see what the guidance misses.
/// </summary>
/// <param name="OrganisationId">The member's organisation, or empty when the bot does not know it yet.</param>
/// <param name="CardId">The answer card, so a member who changes their mind replaces their earlier press.</param>
/// <param name="AnswerId">The passage shown first (<see cref="GuidancePassage.Id"/>), or empty for "I don't know".</param>
/// <param name="AnsweredAt">When the answer was given.</param>
/// <param name="At">When the member pressed.</param>
public sealed record GuidanceFeedback(
    string OrganisationId,
    string CardId,
    string Question,
    string AnswerId,
    bool Helpful,
    DateTimeOffset AnsweredAt,
    DateTimeOffset At);

/// <summary>Stores feedback on answers and lists the unhelpful ones for an organisation's administrators.</summary>
public interface IGuidanceFeedbackStore
{
    /// <summary>Stores one press; a second press on the same card replaces the first.</summary>
    Task SaveAsync(GuidanceFeedback feedback, CancellationToken cancellationToken);

    /// <summary>The most recent "Nej" answers in the organisation, newest first.</summary>
    Task<IReadOnlyList<GuidanceFeedback>> ListRecentNegativeAsync(string organisationId, int max, CancellationToken cancellationToken);
}
