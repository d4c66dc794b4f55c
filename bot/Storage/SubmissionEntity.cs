using Azure;
using Azure.Data.Tables;

namespace Trygg.Storage;

/// <summary>
/// Marks a submission id as used and points at what it created. Inserted in the same transaction as the report,
/// so a second submit with the same id finds it and returns the first report instead of numbering a new one.
/// </summary>
internal sealed class SubmissionEntity : TableRow
{
    /// <summary>The case number or notice reference the submission got.</summary>
    public string Reference { get; set; } = "";
}
