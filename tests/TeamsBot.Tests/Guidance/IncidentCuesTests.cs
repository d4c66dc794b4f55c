namespace Trygg.Guidance;

public sealed class IncidentCuesTests
{
    [Theory]
    [InlineData("någon hotade mig igår, vad gäller?")]
    [InlineData("jag har blivit trakasserad på nätet")]
    [InlineData("fick ett konstigt brev hem")]
    [InlineData("someone threatened me last night")]
    [InlineData("Something happened at the meeting")]
    public void SoundsLikeSomethingHappened_PastEvent_True(string question) =>
        Assert.True(IncidentCues.SoundsLikeSomethingHappened(question));

    [Theory]
    [InlineData("var kan jag parkera vid stadshuset")]
    [InlineData("hur lång semester har ett kommunalråd")]
    [InlineData("what is the wifi password")]
    [InlineData("")]
    [InlineData(null)]
    public void SoundsLikeSomethingHappened_PlainQuestion_False(string? question) =>
        Assert.False(IncidentCues.SoundsLikeSomethingHappened(question));
}
