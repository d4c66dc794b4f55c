using System.Globalization;
using Trygg.Cards;
using Trygg.Conversation.Turns;

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
        var en = language == Language.English;
        var (title, text) = (campaign.Kind, en) switch
        {
            (CampaignKind.ElectionYear, false) => (
                campaign.Name,
                "Det är valår. Hot och hat ökar ofta under valrörelsen: planera din säkerhet i god tid och prata med ditt parti och säkerhetsenheten om möten, torgmöten och sociala medier."),
            (CampaignKind.ElectionYear, true) => (
                campaign.Name,
                "It is an election year. Threats and hate often rise during the campaign: plan your safety early and talk to your party and the security unit about meetings, street campaigning and social media."),
            (CampaignKind.Yearly, false) => (
                "Dags för ditt säkerhetssamtal",
                $"**{campaign.Name}.** Som särskilt arvoderad erbjuds du ett säkerhetssamtal varje år. Där går ni igenom hur du har det och vad som kan göra din vardag tryggare."),
            (CampaignKind.Yearly, true) => (
                "Time for your security talk",
                $"**{campaign.Name}.** As a full-time elected official you are offered a security talk every year, to go through how things are and what could make your days safer."),
            (_, false) => (
                "Dags för säkerhetsutbildningen",
                $"**{campaign.Name}.** En ny mandatperiod har börjat. Kommunen erbjuder alla förtroendevalda en säkerhetsutbildning: den hjälper dig att förebygga och hantera hot och hat."),
            (_, true) => (
                "Time for your security training",
                $"**{campaign.Name}.** A new term of office has begun. The municipality offers every elected official security training: it helps you prevent and handle threats and hate."),
        };
        var canComplete = campaign.Kind != CampaignKind.ElectionYear;
        if (canComplete && campaign.Link is null)
        {
            // Without a course link the member must still learn how to take part.
            text += en ? " Not had an invitation? Ask the security unit." : " Har du inte fått någon inbjudan? Fråga säkerhetsenheten.";
        }

        var deadline = canComplete
            ? (en ? $"Please do it by {Date(cycle.Deadline, language)}." : $"Gör den gärna senast {Date(cycle.Deadline, language)}.")
            : null;
        return cards.Render(ReminderCard.Template, new ReminderCard(
            title, text, deadline, campaign.Link?.ToString(),
            OpenTitle(language),
            canComplete,
            DoneTitle(language),
            en ? "Remind me in a week" : "Påminn mig om en vecka",
            campaign.Id, cycle.Key));
    }

    public static string OpenTitle(Language language) => language == Language.English ? "Open the training" : "Öppna utbildningen";

    public static string DoneTitle(Language language) => language == Language.English ? "I have done it" : "Jag har genomfört utbildningen";

    public static string DoneText(TrainingCampaign campaign, DateOnly date, Language language) => language == Language.English
        ? $"Thank you! \"{campaign.Name}\" is marked as done ({Date(date, language)}). The security unit can see it; you will get no more reminders about it."
        : $"Tack! \"{campaign.Name}\" är markerad som genomförd ({Date(date, language)}). Säkerhetsenheten ser det, och du får inga fler påminnelser om den.";

    public static string SnoozedText(DateOnly until, Language language) => language == Language.English
        ? $"All right, I will remind you again on {Date(until, language)}."
        : $"Okej, jag påminner dig igen {Date(until, language)}.";

    public static string NoProfile(Language language) => language == Language.English
        ? "I don't know your municipality yet. Tell me a little about your assignment first, then I can show your training."
        : "Jag vet inte vilken kommun du tillhör ännu. Berätta lite om ditt uppdrag först, så kan jag visa din utbildning.";

    public static string Unknown(Language language) => language == Language.English
        ? "That reminder is no longer current. Write \"my training\" to see where you stand."
        : "Den påminnelsen gäller inte längre. Skriv \"min utbildning\" så ser du hur det ser ut.";

    public static AdaptiveCard Status(ICardRenderer cards, IReadOnlyList<StatusItem> items, Language language) =>
        cards.Render(StatusCard.Template, new StatusCard(
            language == Language.English ? "My training" : "Min utbildning",
            language == Language.English ? "You have no training to do right now." : "Du har inga utbildningar att göra just nu.",
            items));

    public static string StatusLine(TrainingRecord? record, CampaignCycle cycle, Language language)
    {
        if (record?.DoneAt is { } done)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(done, Routing.Calendar.OfficeCalendar.Stockholm).DateTime);
            var by = record.Source == CompletionSource.RegisteredByUnit
                ? (language == Language.English ? " (registered by the security unit)" : " (registrerad av säkerhetsenheten)")
                : string.Empty;
            return (language == Language.English ? $"Done {Date(day, language)}" : $"Genomförd {Date(day, language)}") + by;
        }

        return language == Language.English
            ? $"Not done yet. Please do it by {Date(cycle.Deadline, language)}."
            : $"Inte gjord än. Senast {Date(cycle.Deadline, language)}.";
    }
}
