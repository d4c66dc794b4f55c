using Trygg.Texts;

namespace Trygg.Cases.Messages;

public sealed class MessageCardsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static CaseMessage Message(MessageDirection direction, string text, int minutes) =>
        new("TRY-2026-0001", "id" + minutes.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(8, '0'), At.AddMinutes(minutes), direction,
            direction == MessageDirection.ToMember ? "staff-aad" : null, direction == MessageDirection.ToMember ? "Alex Wilber" : null, text);

    [Fact]
    public void ChannelFact_MemberAnsweredLast_SaysOnlyThatThereIsANewMessage()
    {
        var fact = MessageCards.ChannelFact(
            [Message(MessageDirection.ToMember, "När hände det?", 0), Message(MessageDirection.FromMember, "Igår kväll, han heter Nils", 5)],
            Language.Swedish);

        Assert.NotNull(fact);
        Assert.Equal(("Meddelanden", "Nytt svar från anmälaren (2026-11-24 10:05)"), (fact.Title, fact.Value));
    }

    [Fact]
    public void ChannelFact_UnitWroteLast_SaysItWaitsWithoutTheText()
    {
        var fact = MessageCards.ChannelFact([Message(MessageDirection.ToMember, "När hände det?", 0)], Language.English);

        Assert.Equal(("Messages", "Waiting for the reporter's reply"), (fact!.Title, fact.Value));
    }

    [Fact]
    public void ChannelFact_NoMessages_Null() => Assert.Null(MessageCards.ChannelFact([], Language.Swedish));

    [Fact]
    public void ForStaff_NamesTheWriterAndTheReporterByRole()
    {
        var thread = MessageCards.ForStaff([Message(MessageDirection.ToMember, "När?", 0), Message(MessageDirection.FromMember, "Igår.", 5)], Language.Swedish);

        Assert.Equal(
            [("2026-11-24 10:00 · Alex Wilber till anmälaren", "När?"), ("2026-11-24 10:05 · Anmälaren", "Igår.")],
            thread.Select(f => (f.Title, f.Value)));
    }

    [Fact]
    public void AnswerMaxLength_SameAsTheReportDescription() =>
        Assert.Equal(Reporting.ReportForm.MaxDescription, MessageCards.AnswerMaxLength);
}
