using Trygg.Conversation.Turns;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Organisations.Calendar;
using Trygg.Texts;

namespace Trygg.Contacts;

public sealed class ContactsCardTests
{
    private static readonly OrganisationDirectory Shipped = ShippedProfiles.Load();

    // Saturday 12 December 2026, 10:00 in Stockholm; Monday 14 December 2026, 10:00.
    private static readonly DateTimeOffset Saturday = new(2026, 12, 12, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayMorning = new(2026, 12, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_AlingsasAtTheWeekend_OnCallFirstWithItsTelButton()
    {
        var alingsas = Shipped.Find("alingsas")!;
        var contacts = OrganisationContacts.For(alingsas, "Socialdemokraterna", new OfficeCalendar(), Saturday);

        var card = ContactsCard.For(Language.Swedish, alingsas, contacts, "Socialdemokraterna");

        Assert.False(contacts.OfficeOpen);
        Assert.Equal("Ring 112", card.Sections[0].Links.Single().Title);
        Assert.Equal("tel:112", card.Sections[0].Links.Single().Url);
        Assert.Equal("Säkerhetschefens jourtelefon: 0322-00 00 00", card.Sections[1].Heading);
        Assert.Equal("Kontoret är stängt nu. Ring jouren.", card.Sections[1].Text);
        Assert.Equal("tel:+46322000000", card.Sections[1].Links.Single().Url);
        Assert.Equal("Ring 0322-00 00 00", card.Sections[1].Links.Single().Title);
        Assert.Equal("Säkerhetsenheten, Alingsås kommun: 0322-00 00 01", card.Sections[2].Heading);
        Assert.Equal("Öppettider: vardagar 08:00–16:30.", card.Sections[2].Text);
        Assert.Contains(card.Sections, s => s.Heading == "Megan Bowen – säkerhetsansvarig för Socialdemokraterna");
        Assert.Equal("tel:11414", card.Sections[^1].Links.Single().Url);
        Assert.DoesNotContain(card.Sections, s => s.Heading.Contains("031", StringComparison.Ordinal));
    }

    [Fact]
    public void For_AlingsasInOfficeHours_SecurityUnitFirst()
    {
        var alingsas = Shipped.Find("alingsas")!;
        var contacts = OrganisationContacts.For(alingsas, "Moderaterna", new OfficeCalendar(), MondayMorning);

        var card = ContactsCard.For(Language.English, alingsas, contacts, "Moderaterna");

        Assert.True(contacts.OfficeOpen);
        Assert.Equal("Säkerhetsenheten, Alingsås kommun: 0322-00 00 01", card.Sections[1].Heading);
        Assert.Equal("Open now. Opening hours: weekdays 08:00–16:30.", card.Sections[1].Text);
        Assert.Equal("tel:+46322000001", card.Sections[1].Links.Single().Url);
        Assert.Equal("Evenings, weekends and public holidays.", card.Sections[2].Text);
        Assert.Contains(card.Sections, s => s.Heading == "Adele Vance – security officer for Moderaterna");
    }

    [Fact]
    public void For_PartyWithoutOfficer_SaysToTellTheGroupLeader()
    {
        var alingsas = Shipped.Find("alingsas")!;
        var contacts = OrganisationContacts.For(alingsas, "Centerpartiet", new OfficeCalendar(), MondayMorning);

        var card = ContactsCard.For(Language.Swedish, alingsas, contacts, "Centerpartiet");

        Assert.Empty(contacts.PartyOfficers);
        Assert.Contains(card.Sections, s => s.Text == "Ditt parti har ingen säkerhetsansvarig här. Berätta för din gruppledare.");
    }

    [Fact]
    public void For_OfficerWithEmailOnly_ChatsInTeams()
    {
        var alingsas = Shipped.Find("alingsas")!;
        var contacts = OrganisationContacts.For(alingsas, "Socialdemokraterna", new OfficeCalendar(), MondayMorning);

        var card = ContactsCard.For(Language.Swedish, alingsas, contacts, "Socialdemokraterna");

        var officer = card.Sections.Single(s => s.Heading.StartsWith("Megan Bowen", StringComparison.Ordinal));
        Assert.Equal("https://teams.microsoft.com/l/chat/0/0?users=meganb%40example.com", officer.Links.Single().Url);
    }

    [Fact]
    public void WithoutProfile_Offers112And11414AndTheProfile()
    {
        var card = ContactsCard.WithoutProfile(Language.Swedish);

        Assert.Equal(["tel:112", "tel:11414"], card.Sections.SelectMany(s => s.Links).Select(l => l.Url));
        Assert.Contains(card.Buttons, b => b.Verb == Conversation.FeatureVerbs.Profile);
    }

    [Fact]
    public void Hours_OtherDays_NamesThem()
    {
        var hours = new OfficeHours(new TimeOnly(9, 0), new TimeOnly(15, 0), [DayOfWeek.Monday, DayOfWeek.Wednesday]);

        Assert.Equal("måndag, onsdag 09:00–15:00", ContactsCard.Hours(hours, Language.Swedish));
        Assert.Equal("Monday, Wednesday 09:00–15:00", ContactsCard.Hours(hours, Language.English));
    }
}
