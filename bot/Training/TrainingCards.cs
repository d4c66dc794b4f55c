using System.Globalization;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Training;

internal sealed record ReminderCard(
    string Title, string Text, string? Deadline, string? Link, string Open, bool CanComplete, string Done, string Snooze, string Campaign, string Cycle)
{
    public const string Template = "Training/Reminder";
}

/// <param name="Link">The course's address ("" when the profile names none); with <paramref name="Done"/> false the card offers "Jag har genomfört".</param>
internal sealed record StatusItem(string Name, string Status, bool Done, string Link = "", string Open = "", string DoneTitle = "", string Campaign = "", string Cycle = "");

internal sealed record StatusCard(string Title, string Empty, IReadOnlyList<StatusItem> Items)
{
    public const string Template = "Training/Status";
}

/// <summary>The training feature's cards and words, in Swedish and English.</summary>
internal static class TrainingCards
{
    public static CultureInfo Culture(Language language) => CultureInfo.GetCultureInfo(language == Language.English ? "en-GB" : "sv-SE");

    public static string Date(DateOnly date, Language language) => date.ToString("d MMMM yyyy", Culture(language));

    public static AdaptiveCard Reminder(ICardRenderer cards, TrainingCampaign campaign, CampaignCycle cycle, Language language)
    {
        var t = TrainingTexts.For(language);
        var (title, text) = campaign.Kind switch
        {
            CampaignKind.ElectionYear => (campaign.Name, t.ElectionYearText),
            CampaignKind.Yearly => (t.YearlyTitle, Format(t.YearlyTextFormat, campaign.Name)),
            _ => (t.MandateTitle, Format(t.MandateTextFormat, campaign.Name)),
        };
        var canComplete = campaign.Kind != CampaignKind.ElectionYear;
        if (canComplete && campaign.Link is null)
        {
            // Without a course link the member must still learn how to take part.
            text += " " + t.NoInvitation;
        }

        var deadline = canComplete ? Format(t.DeadlineFormat, Date(cycle.Deadline, language)) : null;
        return cards.Render(ReminderCard.Template, new ReminderCard(
            title, text, deadline, campaign.Link?.ToString(),
            t.Open,
            canComplete,
            t.Done,
            t.Snooze,
            campaign.Id, cycle.Key));
    }

    public static string OpenTitle(Language language) => TrainingTexts.For(language).Open;

    public static string DoneTitle(Language language) => TrainingTexts.For(language).Done;

    public static string DoneText(TrainingCampaign campaign, DateOnly date, Language language) =>
        Format(TrainingTexts.For(language).DoneTextFormat, campaign.Name, Date(date, language));

    public static string SnoozedText(DateOnly until, Language language) => Format(TrainingTexts.For(language).SnoozedTextFormat, Date(until, language));

    public static string NoProfile(Language language) => TrainingTexts.For(language).NoProfile;

    public static string Unknown(Language language) => TrainingTexts.For(language).Unknown;

    public static AdaptiveCard Status(ICardRenderer cards, IReadOnlyList<StatusItem> items, Language language)
    {
        var t = TrainingTexts.For(language);
        return cards.Render(StatusCard.Template, new StatusCard(t.StatusTitle, t.StatusEmpty, items));
    }

    public static string StatusLine(TrainingRecord? record, CampaignCycle cycle, Language language)
    {
        var t = TrainingTexts.For(language);
        if (record?.DoneAt is { } done)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(done, Trygg.Organisations.Calendar.OfficeCalendar.Stockholm).DateTime);
            var by = record.Source == CompletionSource.RegisteredByUnit ? " " + t.RegisteredByUnit : string.Empty;
            return Format(t.DoneOnFormat, Date(day, language)) + by;
        }

        return Format(t.NotDoneFormat, Date(cycle.Deadline, language));
    }

    /// <summary>Fills a text's pattern: its values are already words or formatted dates.</summary>
    internal static string Format(string format, params object?[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
