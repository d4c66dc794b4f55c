using System.Text.RegularExpressions;
using Trygg.Training;

namespace Trygg.Organisations;

// The "training" part of a profile: campaigns members are reminded of (issue: training reminders).
internal static partial class OrganisationFile
{
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

    private static List<TrainingCampaign> TrainingOf(string file, List<TrainingCampaignJson?>? json)
    {
        var result = new List<TrainingCampaign>();
        for (var i = 0; i < (json?.Count ?? 0); i++)
        {
            var field = $"training[{i}]";
            var campaign = json![i] ?? throw OrganisationProfileException.InField(file, field, "is null; each campaign is an object with id, kind, name and audience.");
            Known(file, field + ".", campaign);
            var id = Required(file, field + ".id", campaign.Id);
            if (!CampaignId().IsMatch(id))
            {
                throw OrganisationProfileException.InField(file, field + ".id", $"is '{id}': use lower-case letters a-z, digits and '-' (at most 40).");
            }

            if (result.Exists(c => c.Id == id))
            {
                throw OrganisationProfileException.InField(file, field + ".id", $"repeats '{id}'.");
            }

            var kindText = Required(file, field + ".kind", campaign.Kind);
            if (!CampaignKinds.TryGetValue(kindText, out var kind))
            {
                throw OrganisationProfileException.InField(file, field + ".kind", $"is '{kindText}': use one of {string.Join(", ", CampaignKinds.Keys)}.");
            }

            var audienceText = Required(file, field + ".audience", campaign.Audience);
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

            result.Add(new TrainingCampaign(
                id, kind, Required(file, field + ".name", campaign.Name), link, audience,
                TimeSpan.FromDays(deadline), TimeSpan.FromDays(every), max));
        }

        return result;
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

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex CampaignId();
}
