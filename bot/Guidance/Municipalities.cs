using Trygg.Organisations;

namespace Trygg.Guidance;

/// <summary>Which corpus municipality is a member's own: their organisation's, matched on its id or name.</summary>
internal static class Municipalities
{
    /// <summary>The corpus municipality an organisation's documents carry ("alingsas" for Alingsås kommun), or null.</summary>
    public static string? Of(GuidanceIndex index, Organisation? organisation)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (organisation is null)
        {
            return null;
        }

        var names = new[] { organisation.Id, organisation.Name }.Select(n => SwedishFold.Fold(n.Trim())).ToList();
        return index.Municipalities.FirstOrDefault(m =>
        {
            var folded = SwedishFold.Fold(m.Trim());
            return names.Any(n => n == folded || n.StartsWith(folded + " ", StringComparison.Ordinal) || n.StartsWith(folded + "s ", StringComparison.Ordinal));
        });
    }

    /// <summary>True when the passage is from the member's own municipality.</summary>
    public static bool IsOwn(GuidancePassage passage, string? municipality) =>
        !string.IsNullOrWhiteSpace(municipality) && !string.IsNullOrEmpty(passage.Municipality)
        && string.Equals(SwedishFold.Fold(passage.Municipality.Trim()), SwedishFold.Fold(municipality.Trim()), StringComparison.Ordinal);
}
