using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Cases.Delivery;
using Trygg.Cases.Rules;

namespace Trygg.Cases;

/// <summary>Who the person behind a turn is to one organisation's cases, in the conversation the turn came from.</summary>
internal enum CaseViewer
{
    /// <summary>Nobody the case concerns, or someone in a conversation where cases are not shown.</summary>
    Nobody,

    /// <summary>Anyone in the organisation's registered security channel who is not security staff.</summary>
    ChannelMember,

    /// <summary>A person the case was sent to 1:1 (e.g. the party's security officer), in their personal chat.</summary>
    Recipient,

    /// <summary>The organisation's security staff, in their personal chat or the registered security channel.</summary>
    Staff,
}

/// <summary>What a case verb answers, decided by <see cref="CaseAccess.Decide"/>.</summary>
internal enum CaseAnswer
{
    /// <summary>One text, the same whether or not the case exists: nothing to enumerate.</summary>
    NoAccess,

    /// <summary>The case is gone (unknown, or anonymised): said only to those who may see the organisation's cases.</summary>
    Gone,

    /// <summary>The need-to-know summary (the channel card).</summary>
    Summary,

    /// <summary>The recipient's own 1:1 card again (what they were sent), without actions.</summary>
    RecipientCard,

    /// <summary>The detail view (audited).</summary>
    Details,

    /// <summary>"Only security staff": said to someone who already sees the case (audited).</summary>
    Refused,

    /// <summary>The verb's change (acknowledge, take, assign, note, close).</summary>
    Act,
}

/// <summary>
/// The one place that decides who may do what to a case, for every case verb. Security staff of the case's
/// organisation (the case is read in the turn's tenant) act in their personal chat and in the organisation's registered
/// security channel; anyone else in that channel sees the summary the channel already shows; a person the case was sent
/// 1:1 (a party security officer) sees again, in their personal chat, the card they were sent and nothing more.
/// Everyone and everywhere else gets <see cref="CaseAnswer.NoAccess"/>, whether or not the case exists. A verb this
/// class does not know is treated as a change, so a new verb is staff-only until it is classified here.
/// </summary>
internal sealed class CaseAccess(ISecurityChannelStore channels, TableOutboxStore outbox)
{
    public async Task<(CaseViewer Viewer, StaffPerson? Staff)> ViewerAsync(Turn turn, Organisation organisation, Case? @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(organisation);
        if (@case is not null && !string.Equals(@case.File.TenantId, turn.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return (CaseViewer.Nobody, null);
        }

        var staff = Trygg.Organisations.Staff.FindSecurityStaff(organisation, turn.User.AadObjectId);
        var inChannel = await channels.IsSecurityChannelAsync(turn, organisation.Id, cancellationToken);
        if (staff is not null && (inChannel || turn.Scope == ConversationScope.Personal))
        {
            return (CaseViewer.Staff, staff);
        }

        if (inChannel)
        {
            return (CaseViewer.ChannelMember, null);
        }

        return turn.Scope == ConversationScope.Personal && @case is not null && await WasSentToAsync(@case, turn.User.AadObjectId, cancellationToken)
            ? (CaseViewer.Recipient, null)
            : (CaseViewer.Nobody, null);
    }

    /// <summary>The answer to <paramref name="verb"/> for <paramref name="viewer"/>; pure, so the whole table is unit tested.</summary>
    public static CaseAnswer Decide(string verb, CaseViewer viewer, bool caseExists)
    {
        var kind = KindOf(verb);
        return viewer switch
        {
            CaseViewer.Nobody => CaseAnswer.NoAccess,
            _ when !caseExists => viewer == CaseViewer.Recipient ? CaseAnswer.NoAccess : CaseAnswer.Gone,
            CaseViewer.Staff => kind switch
            {
                VerbKind.Summary => CaseAnswer.Summary,
                VerbKind.Change => CaseAnswer.Act,
                _ => CaseAnswer.Details,
            },
            CaseViewer.ChannelMember => kind is VerbKind.Summary or VerbKind.Refresh ? CaseAnswer.Summary : CaseAnswer.Refused,
            _ => kind is VerbKind.Summary or VerbKind.Refresh ? CaseAnswer.RecipientCard : CaseAnswer.NoAccess,
        };
    }

    private enum VerbKind
    {
        Summary,
        Refresh,
        Details,
        Change,
    }

    private static VerbKind KindOf(string verb) => verb switch
    {
        CaseVerbs.Summary => VerbKind.Summary,
        CaseVerbs.Refresh => VerbKind.Refresh,
        CaseVerbs.Details => VerbKind.Details,
        _ => VerbKind.Change,
    };

    private async Task<bool> WasSentToAsync(Case @case, string? aadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(aadObjectId))
        {
            return false;
        }

        var file = @case.File;
        var rows = await outbox.ListForCaseAsync(file.TenantId, file.OrganisationId, file.CaseNumber, cancellationToken);
        return rows.Any(r => r.KindValue == OutboxKind.CaseToPerson
            && r.StateValue == OutboxState.Delivered
            && string.Equals(r.RecipientAadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));
    }
}
