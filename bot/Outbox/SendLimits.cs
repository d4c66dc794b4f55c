using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Trygg.Outbox;

/// <summary>At most <see cref="Count"/> calls in any <see cref="Window"/>.</summary>
public sealed record SendLimit(int Count, TimeSpan Window)
{
    public override string ToString() => $"{Count}/{Window.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";
}

/// <summary>
/// How fast the bot may call Teams on its own initiative (protocol.md §4.1, Teams' "Rate limiting for bots"). Bound from
/// <c>Delivery:RateLimits</c>. Limits are written <c>COUNT/WINDOW</c> with the window in ms, s, m or h, comma-separated,
/// e.g. <c>7/1s, 8/2s, 60/30s, 1800/3600s</c>.
/// </summary>
/// <remarks>
/// The limits are kept per process. Teams counts per app and tenant across instances, and replies within turns count
/// too: with several instances give each its share of <see cref="PerTenant"/>. A 429 that still gets through pauses its
/// conversation for the Retry-After and the tenant for up to one tenant window; the throttled call is retried in a new turn.
/// </remarks>
public sealed partial class SendLimitsOptions : IValidatableObject
{
    public const string Section = "Delivery:RateLimits";

    /// <summary>Off: no pacing (429s are still retried).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Per bot per conversation (thread): Teams documents 7/1 s, 8/2 s, 60/30 s and 1800/3600 s for sends and creates.</summary>
    public string PerConversation { get; set; } = "7/1s, 8/2s, 60/30s, 1800/3600s";

    /// <summary>
    /// Per app per tenant, all conversations: Teams documents 50 requests per second. 40 by default leaves room for
    /// the replies members get within their own turns, which are not paced here.
    /// </summary>
    public string PerTenant { get; set; } = "40/1s";

    public IReadOnlyList<SendLimit> ConversationLimits => Parse(PerConversation);

    public IReadOnlyList<SendLimit> TenantLimits => Parse(PerTenant);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(PerConversation), PerConversation), (nameof(PerTenant), PerTenant) })
        {
            string? error = null;
            try
            {
                if (Parse(value).Count == 0)
                {
                    error = "is empty";
                }
            }
            catch (FormatException e)
            {
                error = e.Message;
            }

            if (error is not null)
            {
                yield return new ValidationResult($"{Section}:{name} '{value}' {error}; write limits like \"7/1s, 60/30s\" (window in ms, s, m or h).", [name]);
            }
        }
    }

    /// <summary>"7/1s, 8/2s" into limits; throws <see cref="FormatException"/> naming the bad part.</summary>
    public static IReadOnlyList<SendLimit> Parse(string? text)
    {
        var limits = new List<SendLimit>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = LimitPattern().Match(part);
            if (!match.Success)
            {
                throw new FormatException($"has '{part}', which is not COUNT/WINDOW");
            }

            var count = int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
            var amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
            var window = match.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
            if (count < 1 || window <= TimeSpan.Zero || window > TimeSpan.FromDays(1))
            {
                throw new FormatException($"has '{part}': the count must be at least 1 and the window between 1 ms and 24 h");
            }

            limits.Add(new SendLimit(count, window));
        }

        return limits;
    }

    [GeneratedRegex(@"^(?<count>\d{1,7})\s*/\s*(?<amount>\d{1,7}(\.\d{1,3})?)\s*(?<unit>ms|s|m|h)$")]
    private static partial Regex LimitPattern();
}
