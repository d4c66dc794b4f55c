using Trygg.Cases;
using Trygg.Members;
using Trygg.Organisations;

namespace Trygg.Review;

/// <summary>
/// One incident as the review sees it: no description, no names, no case number. Built from the stored incident.
/// </summary>
/// <param name="Body">The kind of body the incident was tied to; null when it concerned the party or no body.</param>
/// <param name="Role">The reporter's role when they reported; null when nobody can know any more (an anonymised report).</param>
/// <param name="TimeToAcknowledgement">From submit to the first acknowledgement; null while unacknowledged.</param>
public sealed record IncidentFact(
    DateTimeOffset OccurredAt,
    IncidentKind Kind,
    IncidentPlace Place,
    BodyKind? Body,
    MemberRole? Role,
    string Party,
    bool PoliceReportMade,
    TimeSpan? TimeToAcknowledgement,
    int Escalations);
