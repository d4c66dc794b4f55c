using Trygg.Organisations;

namespace Trygg.Cases.Rules;

// What the routing rules decide: the contract between the rules, the report form and the delivery side.
/// <summary>Why someone receives a report.</summary>
public enum RecipientRole
{
    /// <summary>The security unit's channel: always.</summary>
    SecurityChannel,

    /// <summary>The member's party security officer (unless the member opted out).</summary>
    PartySecurityOfficer,

    /// <summary>The local security officer of the body the incident is tied to (body rule).</summary>
    LocalSecurityOfficer,

    /// <summary>The on-call contact, out of office hours.</summary>
    OnCall,

    /// <summary>The head of security (escalation).</summary>
    HeadOfSecurity,
}

/// <summary>
/// One recipient of a report. <see cref="Person"/> is null for the channel, an on-call contact without Teams, and a role
/// named by an Entra group whose members are not known yet (<see cref="Group"/>).
/// </summary>
public sealed record Recipient(RecipientRole Role, string Name, StaffPerson? Person)
{
    /// <summary>
    /// The role's Entra group when nobody in it was known at decision time (the roles had not been read yet): its
    /// outbox row waits for the read and then hands the case to each member (Cases/Delivery/GroupRecipients).
    /// </summary>
    public string? Group { get; init; }

    /// <summary>Stable within one case: "channel", the role and the person's object id, or the role and its group. One outbox row per key.</summary>
    public string Key => Person is not null ? $"{Role}:{Person.AadObjectId}"
        : Group is not null ? $"{Role}:{GroupKey}:{Group}"
        : Role == RecipientRole.SecurityChannel ? "channel" : $"{Role}";

    /// <summary>Marks a key as naming a group, not a person.</summary>
    public const string GroupKey = "group";
}

/// <summary>What the rules need to know about a report.</summary>
/// <param name="BodyId">The body the incident is tied to, or null when it concerns the party/no body.</param>
/// <param name="AcuteOrViolent">The member was not safe / it is ongoing, or it involved violence or injury.</param>
/// <param name="InformParty">False when the member opted out of informing the party security officer.</param>
public sealed record RoutingRequest(
    Organisation Organisation,
    MemberRole Role,
    string Party,
    string? BodyId,
    bool AcuteOrViolent,
    bool InformParty,
    DateTimeOffset At);

/// <summary>The rules' answer: who receives the report, how urgent it is, and whom the member should call now.</summary>
/// <param name="CallNow">Out of office hours: the on-call contact the member is told to call; null in office hours.</param>
/// <param name="EscalateAt">When the case escalates if nobody has acknowledged it.</param>
public sealed record RoutingDecision(
    Priority Priority,
    bool OutOfHours,
    IReadOnlyList<Recipient> Recipients,
    OnCallContact? CallNow,
    DateTimeOffset EscalateAt);

/// <summary>The routing rules (Cases/Rules). Pure: same request, same decision.</summary>
public interface IRoutingRules
{
    RoutingDecision Decide(RoutingRequest request);
}
