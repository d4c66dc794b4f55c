using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Privacy;

public sealed class ErasureActionsTests
{
    [Theory]
    [InlineData(Language.English, 1, 1, 1, "1 report, 1 meeting notice, 1 training record.")]
    [InlineData(Language.English, 2, 0, 3, "2 reports, 0 meeting notices, 3 training records.")]
    [InlineData(Language.Swedish, 1, 1, 1, "1 rapport, 1 mötesanmälan, 1 utbildningspost.")]
    [InlineData(Language.Swedish, 0, 2, 2, "0 rapporter, 2 mötesanmälningar, 2 utbildningsposter.")]
    public void DescribeFound_WordsAgreeWithTheirNumber(Language language, int reports, int notices, int training, string expected) =>
        Assert.Equal(expected, ErasureActions.DescribeFound(reports, notices, training, language));

    [Fact]
    public void Describe_OneOfEach_Singular()
    {
        var text = ErasureActions.Describe(new ErasureCounts(1, 1, 1, 1, Profile: true), Language.English);

        Assert.Equal("1 report anonymised, 1 meeting notice, 1 training record, 1 chat record, the profile", text);
    }
}
