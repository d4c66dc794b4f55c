using System.Text.Json.Nodes;

namespace Trygg.Cards;

/// <summary>The golden behaviours of protocol.md 7.3, the security promises, and our deliberate divergences.</summary>
public sealed class TemplateEngineTests
{
    private static JsonNode? Expand(string template, string data) => JsonNode.Parse(TemplateEngine.Expand(template, data));

    private static JsonNode? Value(string binding, string data) => Expand(new JsonObject { ["v"] = binding }.ToJsonString(), data)!["v"];

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, got {actual?.ToJsonString() ?? "null"}");

    [Fact]
    public void Expand_WholeStringBinding_KeepsJsonType()
    {
        AssertJson("5", Value("${n}", """{"n":5}"""));
        AssertJson("""{"k":[1,true]}""", Value("${o}", """{"o":{"k":[1,true]}}"""));
        AssertJson("null", Value("${n}", """{"n":null}"""));
    }

    [Fact]
    public void Expand_EmbeddedBinding_Stringifies() =>
        AssertJson("\"x 5 true 1.5\"", Value("x ${n} ${b} ${f}", """{"n":5,"b":true,"f":1.5}"""));

    [Fact]
    public void Expand_MissingPath_LeftLiterally()
    {
        AssertJson("\"${nope}\"", Value("${nope}", "{}"));
        AssertJson("\"Hi ${nope}!\"", Value("Hi ${nope}!", "{}"));
        AssertJson("\"${a.b[0].c}\"", Value("${a.b[0].c}", """{"a":{}}"""));
    }

    [Fact]
    public void Expand_EscapedBinding_IsLiteral() =>
        AssertJson("\"${n} is 5\"", Value("\\${n} is ${n}", """{"n":5}"""));

    [Fact]
    public void Expand_RepeatedElement_SplicesWithIndexAndRoot() =>
        AssertJson(
            """{"items":[{"text":"0: A of T"},{"text":"1: B of T"},{"text":"end"}]}""",
            Expand("""{"items":[{"$data":"${people}","text":"${$index}: ${name} of ${$root.team}"},{"text":"end"}]}""",
                """{"team":"T","people":[{"name":"A"},{"name":"B"}]}"""));

    [Fact]
    public void Expand_DataOverEmptyArray_RemovesElement() =>
        AssertJson("""{"items":[]}""", Expand("""{"items":[{"$data":"${xs}","a":1}]}""", """{"xs":[]}"""));

    [Fact]
    public void Expand_ObjectData_Rescopes() =>
        AssertJson("""{"c":{"t":"Åsa"}}""", Expand("""{"c":{"$data":"${who}","t":"${name}"}}""", """{"who":{"name":"Åsa"}}"""));

    [Fact]
    public void Expand_LiteralData_IsDataNotPath()
    {
        var card = Expand("""{"$data":{"name":"lit"},"t":"${name}","x":{"$data":"people","u":"${$data}"}}""", """{"people":[1]}""")!;

        Assert.Equal("lit", card["t"]!.GetValue<string>());
        Assert.Equal("people", card["x"]!["u"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("${show}", true)]
    [InlineData("${!show}", false)]
    [InlineData("show", false)]
    [InlineData("${1}", false)]
    [InlineData("${nope}", false)]
    public void Expand_When_KeepsOnlyBooleanTrue(string when, bool kept)
    {
        var result = Expand(new JsonArray(new JsonObject { ["$when"] = when, ["a"] = 1 }).ToJsonString(), """{"show":true}""")!.AsArray();

        Assert.Equal(kept ? 1 : 0, result.Count);
    }

    [Fact]
    public void Expand_DroppedPropertyValue_BecomesNull() =>
        AssertJson("""{"p":null,"q":2}""", Expand("""{"p":{"$when":"${false}","a":1},"q":2}""", "{}"));

    [Fact]
    public void Expand_ReservedProperties_StrippedButSchemaKept() =>
        AssertJson("""{"$schema":"s","a":1}""", Expand("""{"$schema":"s","$when":"${true}","$data":{},"$_acTemplateVersion":1,"a":1}""", "{}"));

    [Theory]
    [InlineData("${formatNumber(x, 2)}", """{"x":3.14159}""", "\"3.14\"")]
    [InlineData("${formatNumber(num, 2, 'en-US')}", """{"num":1234.5}""", "\"1,234.50\"")]
    [InlineData("${formatNumber(num, 2, 'sv-SE')}", """{"num":-1234.5}""", "\"\u22121\u00a0234,50\"")]
    [InlineData("${formatDateTime(dt, 'ddd MMM d')}", """{"dt":"2024-03-05T00:00:00Z"}""", "\"Tue Mar 5\"")]
    [InlineData("${count(arr)}", """{"arr":[1,2,3]}""", "3")]
    [InlineData("${where(arr, i, i > 1)}", """{"arr":[1,2,3]}""", "[2,3]")]
    [InlineData("${select(people, p, p.name)}", """{"people":[{"name":"A"},{"name":"B"}]}""", "[\"A\",\"B\"]")]
    [InlineData("${if(x > 1, 'big', 'small')}", """{"x":3}""", "\"big\"")]
    [InlineData("${'1' == 1}", "{}", "false")]
    [InlineData("${join(xs, ', ', ' och ')}", """{"xs":["a","b","c"]}""", "\"a, b och c\"")]
    [InlineData("${div(5, 2)}", "{}", "2")]
    [InlineData("${toUpper(nope)}", "{}", "\"${NOPE}\"")]
    public void Expand_Functions_MatchOracleGoldens(string binding, string data, string expected) =>
        AssertJson(expected, Value(binding, data));

    [Theory]
    [InlineData("\"quoted\" and \\backslash\\")]
    [InlineData("line\nbreak\r\n\ttab")]
    [InlineData("${secret} and \\${x} and ${toUpper('x')}")]
    [InlineData("\"},{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"}")]
    [InlineData("</script>😀 Räksmörgås")]
    public void Expand_HostileDataString_ComesOutVerbatim(string text)
    {
        var data = new JsonObject { ["t"] = text, ["secret"] = "LEAK" }.ToJsonString();

        var card = Expand("""{"whole":"${t}","embedded":"<${t}>","list":["${t}"]}""", data)!;

        Assert.Equal(text, card["whole"]!.GetValue<string>());
        Assert.Equal("<" + text + ">", card["embedded"]!.GetValue<string>());
        Assert.Equal(text, card["list"]![0]!.GetValue<string>());
        Assert.Single(card.AsObject(), p => p.Key == "whole");
    }

    [Fact]
    public void Expand_UnknownFunction_ThrowsEvenWhenEmbedded()
    {
        var whole = Assert.Throws<TemplateException>(() => Value("${foo(1)}", "{}"));
        var embedded = Assert.Throws<TemplateException>(() => Value("x ${foo(1)}", "{}"));

        Assert.Contains("Unknown function 'foo'", whole.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown function 'foo'", embedded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_NullInsideString_IsEmptyNotAnError() =>
        AssertJson("\"v=\"", Value("v=${n}", """{"n":null}"""));

    [Fact]
    public void Expand_ObjectOrArrayInsideString_IsJsonNotJsArtefact()
    {
        AssertJson("\"o={\\\"k\\\":1}\"", Value("o=${o}", """{"o":{"k":1}}"""));
        AssertJson("\"a=[1,2]\"", Value("a=${a}", """{"a":[1,2]}"""));
    }

    [Theory]
    [InlineData("${substring(s, 0, 10)}")]
    [InlineData("x ${substring(s, 0, 10)}")]
    [InlineData("${a[5]}")]
    [InlineData("${formatDateTime(s, 'yyyy')}")]
    [InlineData("${formatNumber(1, 2, 'de-DE')}")]
    [InlineData("${formatDateTime(dt, 'ff')}")]
    [InlineData("${length(a)}")]
    public void Expand_FailingFunction_ThrowsTemplateException(string binding) =>
        Assert.Throws<TemplateException>(() => Value(binding, """{"s":"abc","a":[1],"dt":"2024-03-05T00:00:00Z"}"""));

    [Fact]
    public void Expand_MalformedExpression_ThrowsTemplateException() =>
        Assert.Throws<TemplateException>(() => Value("${a +}", "{}"));
}
