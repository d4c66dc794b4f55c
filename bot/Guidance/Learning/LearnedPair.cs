using System.Security.Cryptography;
using System.Text;

namespace Trygg.Guidance.Learning;

/// <summary>Where a question and passage pair stands: waiting for an administrator, or decided.</summary>
public enum PairState
{
    Candidate,
    Approved,
    Rejected,
}

/// <summary>
/// A question a member asked and the passage they found for it, with no identity: the organisation it was asked in,
/// how often, when first and last, and what an administrator decided.
/// </summary>
/// <param name="Key">The pair's id (<see cref="KeyOf"/>): the same question and passage always get the same key.</param>
public sealed record LearnedPair(
    string OrganisationId,
    string Key,
    string Question,
    string PassageId,
    PairState State,
    int Count,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    DateTimeOffset? DecidedAt = null)
{
    /// <summary>Member text is capped; a longer question is kept cut, with an ellipsis.</summary>
    public const int MaxQuestionLength = 500;

    /// <summary>
    /// The pair's key: a hash of the question as written without case, spacing or end punctuation ("Hur anmäler jag?" and
    /// "hur anmäler jag" are one question), then the passage id. Only the hash is a key; the text stays a property.
    /// </summary>
    public static string KeyOf(string question, string passageId)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passageId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(question)));
        return $"{Convert.ToHexStringLower(hash)[..20]}|{passageId}";
    }

    public static string Normalize(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = question.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words).Trim().TrimEnd('?', '!', '.', ',', ' ');
    }

    public static string Cap(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var trimmed = question.Trim();
        return trimmed.Length > MaxQuestionLength ? string.Concat(trimmed.AsSpan(0, MaxQuestionLength - 1), "…") : trimmed;
    }
}

/// <summary>The pairs, per organisation; writes are optimistic (the ETag read) so two instances never lose a count or a decision.</summary>
public interface ILearnedPairStore
{
    /// <summary>Adds the pair as a candidate, or counts it again; a decided pair stays decided.</summary>
    Task RecordAsync(string organisationId, string question, string passageId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The organisation's candidates, most often asked first.</summary>
    Task<IReadOnlyList<LearnedPair>> ListCandidatesAsync(string organisationId, int max, CancellationToken cancellationToken);

    /// <summary>The pair under <paramref name="key"/> in the organisation, or null (no such pair there, or a key that cannot be one).</summary>
    Task<LearnedPair?> GetAsync(string organisationId, string key, CancellationToken cancellationToken);

    /// <summary>Approves or rejects a pair of the organisation (created approved when it was not a candidate); returns it as stored.</summary>
    Task<LearnedPair> DecideAsync(string organisationId, string question, string passageId, PairState state, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every decided pair of every organisation: what the index learns and what is never suggested again.</summary>
    Task<IReadOnlyList<LearnedPair>> ListDecidedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the candidates (members' questions no administrator decided) last asked before their organisation's
    /// cut-off, as the retention job deletes unanswered questions; decided pairs are guidance data and stay. Returns how many.
    /// </summary>
    Task<int> DeleteCandidatesAsync(Func<string, DateTimeOffset> cutoffOf, CancellationToken cancellationToken);
}
