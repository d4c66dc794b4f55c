using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Organisations;

namespace Trygg.Cases;

/// <summary>One of the member's own reports, with the organisation it was filed in.</summary>
internal sealed record ReporterCase(Organisation Organisation, Case Case);

/// <summary>
/// The one rule for "is this the reporter's own case", for every member-side action on a report (messages, evidence,
/// the police report): asked in the member's personal chat by someone with a profile, in the organisation the card
/// names (the profile's when it names none: a member who has moved keeps their old cases), and the one case read there
/// was reported by them and is not anonymised. A case that does not exist, is someone else's or is in another
/// organisation all give null, so callers answer the same neutral "not found" and nothing tells whether a number exists.
/// </summary>
internal sealed class ReporterCases(IMemberProfiles profiles, IOrganisationDirectory organisations, TableCaseStore cases)
{
    /// <summary>Longer than any case number the bot issues; a longer one is not looked up.</summary>
    public const int MaxCaseNumberLength = 40;

    /// <param name="organisationId">The organisation the card names, or null when it names none (the profile's is used).</param>
    public async Task<ReporterCase?> ReporterCaseAsync(Turn turn, string? organisationId, string? caseNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        caseNumber = caseNumber?.Trim();
        if (turn.Scope != ConversationScope.Personal || string.IsNullOrEmpty(caseNumber) || caseNumber.Length > MaxCaseNumberLength)
        {
            return null;
        }

        // The card's organisation is anyone's to write: the case must still be this member's own, which the reporter id
        // read from the case decides.
        if (await profiles.GetAsync(turn, cancellationToken) is not { } profile
            || organisations.Find(organisationId ?? profile.OrganisationId) is not { } organisation)
        {
            return null;
        }

        var @case = await cases.GetAsync(turn.TenantId, organisation.Id, caseNumber, cancellationToken);
        return @case is { Incident.IsAnonymised: false } && string.Equals(@case.Incident.ReporterId, profiles.KeyOf(turn).UserId, StringComparison.Ordinal)
            ? new ReporterCase(organisation, @case)
            : null;
    }
}
