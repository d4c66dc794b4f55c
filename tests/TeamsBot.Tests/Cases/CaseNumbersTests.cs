using System.Globalization;

namespace Trygg.Cases;

public sealed class CaseNumbersTests
{
    [Theory]
    [InlineData(1, "TRY-2026-0001")]
    [InlineData(2, "TRY-2026-0002")]
    [InlineData(42, "TRY-2026-0042")]
    [InlineData(999, "TRY-2026-0999")]
    [InlineData(9999, "TRY-2026-9999")]
    [InlineData(10000, "TRY-2026-10000")]
    [InlineData(123456, "TRY-2026-123456")]
    public void Format_Number_PadsToFourDigitsAndGrowsBeyond(int number, string expected)
    {
        Assert.Equal(expected, CaseNumbers.Format("TRY", 2026, number));
    }

    [Fact]
    public void Format_OtherPrefixAndYear_UsesThem()
    {
        Assert.Equal("ALI-2027-0007", CaseNumbers.Format("ALI", 2027, 7));
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void Format_AnyCurrentCulture_UsesInvariantDigits(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal("TRY-2026-0042", CaseNumbers.Format("TRY", 2026, 42));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Format_NumberBelowOne_Throws(int number)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseNumbers.Format("TRY", 2026, number));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void Format_YearOutOfRange_Throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseNumbers.Format("TRY", year, 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Format_EmptyPrefix_Throws(string prefix)
    {
        Assert.ThrowsAny<ArgumentException>(() => CaseNumbers.Format(prefix, 2026, 1));
    }
}
