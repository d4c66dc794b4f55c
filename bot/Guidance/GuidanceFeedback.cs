namespace Trygg.Guidance;

/// <summary>
/// A member's "Fick du svar? Ja / Nej" on one answer. Deliberately without identity: the question text, what was
/// shown, the answer and when, and the organisation, so the security unit can see what the guidance misses. Every
/// field but <see cref="Helpful"/> comes from the server (the answer as it was given, the server's clock), never from
/// the card.
/// </summary>
/// <param name="TenantId">The member's tenant; feedback is kept per tenant and organisation.</param>
/// <param name="OrganisationId">The member's organisation, or empty when the bot does not know it yet.</param>
/// <param name="CardId">The answer card, so a member who changes their mind replaces their earlier press.</param>
/// <param name="AnswerId">The passage shown first (<see cref="GuidancePassage.Id"/>), or empty for "I don't know".</param>
/// <param name="AnsweredAt">When the answer was given.</param>
/// <param name="At">When the member pressed.</param>
public sealed record GuidanceFeedback(
    string TenantId,
    string OrganisationId,
    string CardId,
    string Question,
    string AnswerId,
    bool Helpful,
    DateTimeOffset AnsweredAt,
    DateTimeOffset At);

/// <summary>
/// An answer as the bot gave it, kept on the server under the id its card carries, so that "Fick du svar?" records
/// what was really asked and shown and when, whatever the card's data says.
/// </summary>
/// <param name="PassageIds">The passages shown, best first.</param>
public sealed record GivenAnswer(
    string TenantId,
    string OrganisationId,
    string CardId,
    string Question,
    IReadOnlyList<string> PassageIds,
    DateTimeOffset AnsweredAt);

/// <summary>Stores given answers and the feedback on them, and lists the unhelpful ones for an organisation's administrators.</summary>
public interface IGuidanceFeedbackStore
{
    /// <summary>Keeps an answer until its feedback may come (retention removes it like feedback).</summary>
    Task SaveAnswerAsync(GivenAnswer answer, CancellationToken cancellationToken);

    /// <summary>The answer given under <paramref name="cardId"/> to a member of that tenant and organisation; null when there is none.</summary>
    Task<GivenAnswer?> GetAnswerAsync(string tenantId, string organisationId, string cardId, CancellationToken cancellationToken);

    /// <summary>Stores one press; a second press on the same card replaces the first.</summary>
    Task SaveAsync(GuidanceFeedback feedback, CancellationToken cancellationToken);

    /// <summary>The most recent "Nej" answers of the tenant's organisation, newest first.</summary>
    Task<IReadOnlyList<GuidanceFeedback>> ListRecentNegativeAsync(string tenantId, string organisationId, int max, CancellationToken cancellationToken);
}
