using System.Globalization;
using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Contacts;

/// <summary>A button that opens an address: <c>tel:</c> (tap to call) or a Teams chat.</summary>
internal sealed record ContactLink(string Title, string Url);

/// <param name="Style">"attention" for 112, "default" otherwise.</param>
internal sealed record ContactSection(string Style, string Heading, string Text, IReadOnlyList<ContactLink> Links);

internal sealed record ContactButton(string Title, string Verb);

/// <summary>Data of Contacts/Cards/Contacts.json: 112 first, then whom to call now, the other line, the party, 114 14.</summary>
internal sealed record ContactsCard(string Title, IReadOnlyList<ContactSection> Sections, IReadOnlyList<ContactButton> Buttons)
{
    public const string Template = "Contacts/Contacts";

    /// <summary>The card for a member whose organisation (and party) is known.</summary>
    public static ContactsCard For(Language language, Organisation organisation, MemberContacts contacts, string party)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(contacts);
        var t = ContactsTexts.For(language);
        var hours = string.Format(CultureInfo.InvariantCulture, t.OfficeHoursFormat, Hours(organisation.Routing.OfficeHours, language));
        var open = string.Format(CultureInfo.InvariantCulture, t.OpenNowFormat, Hours(organisation.Routing.OfficeHours, language));
        string TextOf(ContactNumber c) => c.Kind == ContactKind.OnCall
            ? (contacts.OfficeOpen ? t.OnCallText : t.ClosedNow)
            : (contacts.OfficeOpen ? open : hours);

        var sections = new List<ContactSection>
        {
            Emergency(t),
            Line(contacts.CallNow, Heading(contacts.CallNow, organisation), TextOf(contacts.CallNow), t),
            Line(contacts.Other, Heading(contacts.Other, organisation), TextOf(contacts.Other), t),
        };
        if (contacts.PartyOfficers.Count == 0)
        {
            sections.Add(new ContactSection("default", party, t.NoPartyOfficer, []));
        }
        else
        {
            sections.AddRange(contacts.PartyOfficers.Select(o =>
                Line(o, string.Format(CultureInfo.InvariantCulture, t.PartyOfficerFormat, o.Name, party) + (o.Phone is null ? string.Empty : $": {o.Phone}"), string.Empty, t)));
        }

        sections.Add(Police(t));
        return new ContactsCard(t.Title, sections, [new ContactButton(t.Report, FeatureVerbs.Report)]);
    }

    /// <summary>Without a profile: 112 and 114 14, and a way to say which municipality and party.</summary>
    public static ContactsCard WithoutProfile(Language language)
    {
        var t = ContactsTexts.For(language);
        return new ContactsCard(
            t.Title,
            [Emergency(t), new ContactSection("default", t.NoProfile, string.Empty, []), Police(t)],
            [new ContactButton(t.FillInProfile, FeatureVerbs.Profile), new ContactButton(t.Report, FeatureVerbs.Report)]);
    }

    public AdaptiveCard Render(ICardRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return renderer.Render(Template, this);
    }

    /// <summary>"vardagar 08:00–16:30", or the open days named when they are not Monday to Friday.</summary>
    internal static string Hours(OfficeHours hours, Language language)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var culture = CultureInfo.GetCultureInfo(language == Language.English ? "en-GB" : "sv-SE");
        DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        var days = hours.Days.Count == weekdays.Length && weekdays.All(hours.Days.Contains)
            ? ContactsTexts.For(language).Weekdays
            : string.Join(", ", hours.Days.Select(d => culture.DateTimeFormat.GetDayName(d)));
        return $"{days} {hours.Opens.ToString("HH:mm", CultureInfo.InvariantCulture)}–{hours.Closes.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    private static ContactSection Emergency(ContactsTexts t) =>
        new("attention", t.EmergencyHeading, t.EmergencyText, [Call(OrganisationContacts.Emergency, t)]);

    private static ContactSection Police(ContactsTexts t) =>
        new("default", t.PoliceHeading, t.PoliceText, [Call(OrganisationContacts.Police, t)]);

    private static string Heading(ContactNumber contact, Organisation organisation) =>
        (contact.Kind == ContactKind.SecurityUnit ? $"{contact.Name}, {organisation.Name}" : contact.Name)
        + (contact.Phone is null ? string.Empty : $": {contact.Phone}");

    private static ContactSection Line(ContactNumber contact, string heading, string text, ContactsTexts t)
    {
        var links = new List<ContactLink>();
        if (contact.TelUri is not null)
        {
            links.Add(Call(contact, t));
        }
        else if (contact.Email is not null)
        {
            links.Add(new ContactLink(t.ChatInTeams, "https://teams.microsoft.com/l/chat/0/0?users=" + Uri.EscapeDataString(contact.Email)));
        }

        return new ContactSection("default", heading, text, links);
    }

    private static ContactLink Call(ContactNumber contact, ContactsTexts t) =>
        new(string.Format(CultureInfo.InvariantCulture, t.CallFormat, contact.Phone), contact.TelUri!);
}
