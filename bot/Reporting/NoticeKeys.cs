using Trygg.Cases;
using Trygg.Storage;

namespace Trygg.Reporting;

/// <summary>
/// Row keys of the notices table. Notices share the incidents' partition layout (<see cref="CaseKeys.Partition"/>)
/// and reference format, with their own sequence, so notice references and case numbers never collide.
/// </summary>
internal static class NoticeKeys
{
    public static string Counter(int year) => TableKeys.Compose("noticecounter", CaseKeys.Year(year));

    public static string Submission(string submissionId) => TableKeys.Compose("noticesub", CaseKeys.NotEmpty(submissionId));

    public static string Notice(string reference) => TableKeys.Compose("notice", CaseKeys.NotEmpty(reference));
}
