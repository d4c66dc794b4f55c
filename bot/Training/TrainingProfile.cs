using System.Text.Json;
using System.Text.RegularExpressions;
using Trygg.Organisations;

namespace Trygg.Training;

/// <summary>
/// The "training" part of an organisation profile: the campaigns members are reminded of (none when the profile lists
/// none). Training owns it, so it reads and checks it here; <see cref="TrainingProfileSection"/> makes a bad campaign
/// stop start-up with file and field named.
/// </summary>
public static partial class TrainingProfile
{
    public const string Section = "training";

    private static readonly Dictionary<string, CampaignKind> CampaignKinds = new(StringComparer.Ordinal)
    {
        ["mandatePeriod"] = CampaignKind.MandatePeriod,
        ["yearly"] = CampaignKind.Yearly,
        ["electionYear"] = CampaignKind.ElectionYear,
    };

    private static readonly Dictionary<string, TrainingAudience> Audiences = new(StringComparer.Ordinal)
    {
        ["allMembers"] = TrainingAudience.AllMembers,
        ["sarskiltArvoderade"] = TrainingAudience.SarskiltArvoderade,
    };

    extension(Organisation organisation)
    {
        /// <summary>The trainings members of this organisation are reminded of.</summary>
        public IReadOnlyList<TrainingCampaign> Training => organisation.Sections.Read<IReadOnlyList<TrainingCampaign>>(Section, Read, []);

        /// <summary>A copy with <paramref name="campaigns"/> as its trainings (organisations built in code and tests).</summary>
        public Organisation WithTraining(IReadOnlyList<TrainingCampaign> campaigns) =>
            organisation with { Sections = organisation.Sections.With(Section, campaigns) };
    }

    internal static IReadOnlyList<TrainingCampaign> Read(string file, JsonElement? section)
    {
        if (section is not { } json)
        {
            return [];
        }

        var campaigns = ProfileFields.Deserialize<List<TrainingCampaignJson?>>(file, Section, json, Expected);
        var result = new List<TrainingCampaign>();
        for (var i = 0; i < (campaigns?.Count ?? 0); i++)
        {
            result.Add(Campaign(file, $"{Section}[{i}]", campaigns![i], result));
        }

        return result;
    }

    private static TrainingCampaign Campaign(string file, string field, TrainingCampaignJson? campaign, List<TrainingCampaign> earlier)
    {
        if (campaign is null)
        {
            throw OrganisationProfileException.InField(file, field, "is null; each campaign is an object with id, kind, name and audience.");
        }

        ProfileFields.Known(file, field + ".", campaign);
        var id = ProfileFields.Required(file, field + ".id", campaign.Id);
        if (!CampaignId().IsMatch(id))
        {
            throw OrganisationProfileException.InField(file, field + ".id", $"is '{id}': use lower-case letters a-z, digits and '-' (at most 40).");
        }

        if (earlier.Exists(c => c.Id == id))
        {
            throw OrganisationProfileException.InField(file, field + ".id", $"repeats '{id}'.");
        }

        var kindText = ProfileFields.Required(file, field + ".kind", campaign.Kind);
        if (!CampaignKinds.TryGetValue(kindText, out var kind))
        {
            throw OrganisationProfileException.InField(file, field + ".kind", $"is '{kindText}': use one of {string.Join(", ", CampaignKinds.Keys)}.");
        }

        var audienceText = ProfileFields.Required(file, field + ".audience", campaign.Audience);
        if (!Audiences.TryGetValue(audienceText, out var audience))
        {
            throw OrganisationProfileException.InField(file, field + ".audience", $"is '{audienceText}': use one of {string.Join(", ", Audiences.Keys)}.");
        }

        Uri? link = null;
        if (campaign.Link is not null
            && (!Uri.TryCreate(campaign.Link, UriKind.Absolute, out link) || link.Scheme != Uri.UriSchemeHttps))
        {
            throw OrganisationProfileException.InField(file, field + ".link", $"is '{campaign.Link}': use an absolute https address.");
        }

        var deadline = Days(file, field + ".deadlineDays", campaign.DeadlineDays, kind == CampaignKind.MandatePeriod, 1, 730);
        var every = Days(file, field + ".everyDays", campaign.EveryDays, kind != CampaignKind.ElectionYear, 1, 365);
        var max = campaign.MaxReminders ?? (kind == CampaignKind.ElectionYear ? 1 : 3);
        if (max is < 1 or > 12)
        {
            throw OrganisationProfileException.InField(file, field + ".maxReminders", $"is {max}: use 1 to 12.");
        }

        return new TrainingCampaign(
            id, kind, ProfileFields.Required(file, field + ".name", campaign.Name), link, audience,
            TimeSpan.FromDays(deadline), TimeSpan.FromDays(every), max);
    }

    private static int Days(string file, string field, int? value, bool required, int min, int max)
    {
        if (value is null)
        {
            return required ? throw OrganisationProfileException.InField(file, field, "is missing: give a number of days.") : 0;
        }

        return value < min || value > max
            ? throw OrganisationProfileException.InField(file, field, $"is {value}: use {min} to {max} days.")
            : value.Value;
    }

    private static string Expected(string field) => field.EndsWith("Days", StringComparison.Ordinal) || field.EndsWith("Reminders", StringComparison.Ordinal)
        ? "a whole number"
        : field == Section ? "a list of campaigns (objects with id, kind, name and audience)" : "a string";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex CampaignId();
}

/// <summary>Claims the profile's "training" field and reads it while the host starts.</summary>
internal sealed class TrainingProfileSection : IProfileSection
{
    public string Name => TrainingProfile.Section;

    public void Check(Organisation organisation) => _ = organisation.Training;
}

internal sealed class TrainingCampaignJson : ProfileJsonObject
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? Link { get; set; }

    public string? Audience { get; set; }

    public int? DeadlineDays { get; set; }

    public int? EveryDays { get; set; }

    public int? MaxReminders { get; set; }
}
