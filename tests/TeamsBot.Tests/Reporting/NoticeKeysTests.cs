using Trygg.Cases;

namespace Trygg.Reporting;

public sealed class NoticeKeysTests
{
    [Fact]
    public void Counters_IncidentsAndNotices_AreDifferentRows()
    {
        Assert.NotEqual(CaseKeys.IncidentCounter(2026), NoticeKeys.Counter(2026));
        Assert.NotEqual(CaseKeys.IncidentSubmission("s1"), NoticeKeys.Submission("s1"));
        Assert.NotEqual(CaseKeys.Case("TRY-2026-0001"), NoticeKeys.Notice("TRY-2026-0001"));
    }
}
