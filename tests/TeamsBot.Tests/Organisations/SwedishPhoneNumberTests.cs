using Trygg.Organisations;

namespace Trygg.Organisations;

public sealed class SwedishPhoneNumberTests
{
    [Theory]
    [InlineData("070-123 45 67", "+46701234567")]
    [InlineData("0701234567", "+46701234567")]
    [InlineData("070 123 45 67", "+46701234567")]
    [InlineData("070-1234567", "+46701234567")]
    [InlineData("  073 - 123 45 67  ", "+46731234567")]
    [InlineData("076\u00A0123\u00A045\u00A067", "+46761234567")]
    [InlineData("079\u2013123 45 67", "+46791234567")]
    [InlineData("+46 70 123 45 67", "+46701234567")]
    [InlineData("+46701234567", "+46701234567")]
    [InlineData("+46 (0)70-123 45 67", "+46701234567")]
    [InlineData("+46 070-123 45 67", "+46701234567")]
    [InlineData("0046 70 123 45 67", "+46701234567")]
    [InlineData("08-508 290 00", "+46850829000")]
    [InlineData("08-12 34 56", "+468123456")]
    [InlineData("0322-61 60 00", "+46322616000")]
    [InlineData("031-365 00 00", "+46313650000")]
    [InlineData("+46 8 508 290 00", "+46850829000")]
    public void TryNormalise_SwedishNumber_ReturnsPlus46Form(string input, string expected)
    {
        Assert.True(SwedishPhoneNumber.TryNormalise(input, out var normalised));
        Assert.Equal(expected.Replace(" ", "", StringComparison.Ordinal), normalised);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345")]
    [InlineData("070-123 45 6")]
    [InlineData("070-123 45 678")]
    [InlineData("07O-123 45 67")]
    [InlineData("abc")]
    [InlineData("+47 912 34 567")]
    [InlineData("+1 202 555 0100")]
    [InlineData("701234567")]
    [InlineData("00701234567")]
    [InlineData("++46701234567")]
    [InlineData("070+1234567")]
    [InlineData("070-123 45 67 ank 3")]
    [InlineData("08-123 45")]
    [InlineData("031-365 00 00 00")]
    [InlineData("070.123.45.67")]
    public void TryNormalise_NotASwedishNumber_ReturnsFalse(string? input)
    {
        Assert.False(SwedishPhoneNumber.TryNormalise(input, out var normalised));
        Assert.Null(normalised);
    }
}
