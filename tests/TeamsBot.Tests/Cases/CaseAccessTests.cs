using Trygg.Organisations;
using Trygg.Cases.Rules;

namespace Trygg.Cases;

public sealed class CaseAccessTests
{
    [Theory]
    [InlineData(CaseVerbs.Summary, "Nobody", true, "NoAccess")]
    [InlineData(CaseVerbs.Summary, "Nobody", false, "NoAccess")]
    [InlineData(CaseVerbs.Refresh, "Nobody", true, "NoAccess")]
    [InlineData(CaseVerbs.Details, "Nobody", true, "NoAccess")]
    [InlineData(CaseVerbs.Close, "Nobody", false, "NoAccess")]
    [InlineData(CaseVerbs.Summary, "ChannelMember", true, "Summary")]
    [InlineData(CaseVerbs.Refresh, "ChannelMember", true, "Summary")]
    [InlineData(CaseVerbs.Details, "ChannelMember", true, "Refused")]
    [InlineData(CaseVerbs.Note, "ChannelMember", true, "Refused")]
    [InlineData(CaseVerbs.Details, "ChannelMember", false, "Gone")]
    [InlineData(CaseVerbs.Summary, "Recipient", true, "RecipientCard")]
    [InlineData(CaseVerbs.Refresh, "Recipient", true, "RecipientCard")]
    [InlineData(CaseVerbs.Details, "Recipient", true, "NoAccess")]
    [InlineData(CaseVerbs.Acknowledge, "Recipient", true, "NoAccess")]
    [InlineData(CaseVerbs.Summary, "Staff", true, "Summary")]
    [InlineData(CaseVerbs.Refresh, "Staff", true, "Details")]
    [InlineData(CaseVerbs.Details, "Staff", true, "Details")]
    [InlineData(CaseVerbs.Assign, "Staff", true, "Act")]
    [InlineData(CaseVerbs.Take, "Staff", false, "Gone")]
    public void Decide_ViewerAndVerb_ExpectedAnswer(string verb, string viewer, bool exists, string expected) =>
        Assert.Equal(Enum.Parse<CaseAnswer>(expected), CaseAccess.Decide(verb, Enum.Parse<CaseViewer>(viewer), exists));

    [Fact]
    public void Decide_AVerbTheTableDoesNotKnow_IsStaffOnly()
    {
        Assert.Equal(CaseAnswer.Refused, CaseAccess.Decide("cases.someday", CaseViewer.ChannelMember, caseExists: true));
        Assert.Equal(CaseAnswer.NoAccess, CaseAccess.Decide("cases.someday", CaseViewer.Recipient, caseExists: true));
        Assert.Equal(CaseAnswer.Act, CaseAccess.Decide("cases.someday", CaseViewer.Staff, caseExists: true));
    }
}
