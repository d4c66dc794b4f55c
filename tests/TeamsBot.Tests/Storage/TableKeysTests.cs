namespace Trygg.Storage;

public sealed class TableKeysTests
{
    public static TheoryData<string> Ids => new()
    {
        "",
        "19:abc@thread.tacv2;messageid=123",
        "a:1xyzPersonalChat-Id_00",
        "29:1AbCdEf",
        "72f988bf-86f1-41af-91ab-2d7cd011db47",
        "slash/back\\slash#hash?question",
        "pipe|tilde~percent%quote'plus+space amp&",
        "tab\tnewline\nnul\0del\u007fc1\u0085",
        "möte åäö ÅÄÖ 日本語 🙂 ε",
        "~41 looks escaped already",
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void Decode_OfEncode_ReturnsTheOriginal(string id)
    {
        Assert.Equal(id, TableKeys.Decode(TableKeys.Encode(id)));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Encode_AnyId_HasNoCharacterTablesForbidsNorTheSeparator(string id)
    {
        var encoded = TableKeys.Encode(id);

        Assert.DoesNotContain(encoded, c => c is '/' or '\\' or '#' or '?' or TableKeys.Separator || char.IsControl(c));
        Assert.Equal(encoded, TableKeys.Validate(encoded));
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=123")]
    [InlineData("a:1xyz")]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47")]
    [InlineData("Ärende_åäö")]
    public void Encode_TeamsIdsAndGuids_StayReadable(string id)
    {
        Assert.Equal(id, TableKeys.Encode(id));
    }

    [Fact]
    public void Encode_ForbiddenCharacters_BecomeTildeHex()
    {
        Assert.Equal("a~2Fb~5Cc~23d~3Fe~7Cf~7Eg~25h~09", TableKeys.Encode("a/b\\c#d?e|f~g%h\t"));
    }

    [Fact]
    public void Encode_UnpairedSurrogate_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableKeys.Encode("bad\ud800"));
    }

    [Fact]
    public void Split_OfCompose_ReturnsTheParts()
    {
        string[] parts = ["tenant|1", "19:abc@thread.tacv2;messageid=1", "", "a/b"];

        var key = TableKeys.Compose(parts);

        Assert.Equal(parts, TableKeys.Split(key));
        Assert.Equal(3, key.Count(c => c == TableKeys.Separator));
    }

    [Fact]
    public void Compose_PartsThatWouldCollideIfJoinedNaively_GiveDifferentKeys()
    {
        Assert.NotEqual(TableKeys.Compose("a|b", "c"), TableKeys.Compose("a", "b|c"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    [InlineData("a\u0085b")]
    public void Validate_ForbiddenCharacter_Throws(string key)
    {
        Assert.Throws<ArgumentException>(() => TableKeys.Validate(key));
    }

    [Fact]
    public void Validate_LongerThanOneKiB_Throws()
    {
        Assert.Equal(new string('a', TableKeys.MaxKeyLength), TableKeys.Validate(new string('a', TableKeys.MaxKeyLength)));
        Assert.Throws<ArgumentException>(() => TableKeys.Validate(new string('a', TableKeys.MaxKeyLength + 1)));
    }

    [Fact]
    public void Compose_EncodedLongerThanOneKiB_Throws()
    {
        // 200 slashes are 600 characters once escaped.
        Assert.Throws<ArgumentException>(() => TableKeys.Compose(new string('/', 200)));
    }

    [Theory]
    [InlineData("~")]
    [InlineData("~4")]
    [InlineData("~ZZ")]
    public void Decode_BrokenEscape_ThrowsFormatException(string encoded)
    {
        Assert.Throws<FormatException>(() => TableKeys.Decode(encoded));
    }

    [Fact]
    public void InvertedTicks_LaterTime_SortsFirstAndRoundTrips()
    {
        var earlier = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.FromHours(1));
        var later = earlier.AddTicks(1);

        var earlierKey = TableKeys.InvertedTicks(earlier);
        var laterKey = TableKeys.InvertedTicks(later);

        Assert.True(string.CompareOrdinal(laterKey, earlierKey) < 0);
        Assert.Equal(19, earlierKey.Length);
        Assert.Equal(earlier, TableKeys.FromInvertedTicks(earlierKey));
        Assert.Equal(TimeSpan.Zero, TableKeys.FromInvertedTicks(earlierKey).Offset);
    }

    [Fact]
    public void InvertedTicks_MinAndMax_KeepFixedWidth()
    {
        Assert.Equal(19, TableKeys.InvertedTicks(DateTimeOffset.MinValue).Length);
        Assert.Equal("0000000000000000000", TableKeys.InvertedTicks(DateTimeOffset.MaxValue));
    }
}
