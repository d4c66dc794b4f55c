namespace Trygg.Cases.Messages;

public sealed class CaseMessageEntityTests
{
    [Theory]
    [InlineData("3f2b9c0d1e4a4b5c8d7e6f5a4b3c2d1e", "3f2b9c0d1e4a4b5c8d7e6f5a4b3c2d1e")]
    [InlineData("ABCDEF0123456789", "abcdef0123456789")]
    [InlineData("short", null)]
    [InlineData("has|separator-and-more", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ValidId_OnlyShortTokensOfLettersAndDigits(string? id, string? expected) =>
        Assert.Equal(expected, CaseMessageEntity.ValidId(id));

    [Fact]
    public void Range_HoldsTheCasesMessagesOnly()
    {
        var (from, to) = CaseMessageEntity.Range("TRY-2026-0001");
        var mine = CaseMessageEntity.Key("TRY-2026-0001", "abcdef0123");
        var other = CaseMessageEntity.Key("TRY-2026-00010", "abcdef0123");

        Assert.True(string.CompareOrdinal(mine, from) >= 0 && string.CompareOrdinal(mine, to) < 0);
        Assert.False(string.CompareOrdinal(other, from) >= 0 && string.CompareOrdinal(other, to) < 0);
    }
}
