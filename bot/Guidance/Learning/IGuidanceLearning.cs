namespace Trygg.Guidance.Learning;

/// <summary>
/// Question and passage pairs that members found themselves (a tapped suggestion, a passage found by browsing after
/// "Nej"), kept without identity until an administrator of the organisation approves or rejects them.
/// </summary>
public interface IGuidanceLearning
{
    /// <summary>Keeps the pair as a candidate for the organisation's administrators to approve.</summary>
    Task RecordCandidateAsync(string organisationId, string question, string passageId, CancellationToken cancellationToken);

    /// <summary>True when an administrator of the organisation rejected this passage for this question: it is not suggested again for it there.</summary>
    bool IsRejected(string? organisationId, string question, string passageId);
}
