using System.Text.Json;

namespace Trygg.Eval;

public sealed class EvalCommandTests
{
    [Theory]
    [InlineData]
    [InlineData("--urls", "http://localhost:5000")]
    [InlineData("evaluate", "intents", "x.json")]
    public async Task TryRunAsync_NotAnEvalCommand_ReturnsNull(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Null(await EvalCommand.TryRunAsync(args, stdout, stderr));
        Assert.Empty(stdout.ToString());
    }

    [Fact]
    public async Task TryRunAsync_Intents_PrintsOneJsonArrayOfTextAndIntent()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """
                [ { "text": "hjälp någon slår mig", "expected": "acute" },
                  { "text": "mina rapporter" },
                  { "text": "tack!" } ]
                """);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var code = await EvalCommand.TryRunAsync(["eval", "intents", file], stdout, stderr);

            Assert.Equal(0, code);
            Assert.Contains("hjälp någon slår mig", stdout.ToString(), StringComparison.Ordinal); // not \u00e4
            using var doc = JsonDocument.Parse(stdout.ToString());
            var items = doc.RootElement.EnumerateArray().ToList();
            Assert.Equal(3, items.Count);
            Assert.All(items, i => Assert.Equal(["text", "intent"], i.EnumerateObject().Select(p => p.Name)));
            Assert.Equal(["acute", "myreports", "other"], items.Select(i => i.GetProperty("intent").GetString()));
            Assert.Equal("mina rapporter", items[1].GetProperty("text").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task TryRunAsync_Guidance_PrintsOneJsonArrayOfIdModeAnsweredPassages()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """
                [ { "id": "q1", "question": "vem beslutar om åtkomstskydd för min anmälan" },
                  { "id": "q2", "question": "hotmejlet, ska det polisanmälas?" },
                  { "id": "q3", "question": "vad blir det för väder imorgon" } ]
                """);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var code = await EvalCommand.TryRunAsync(["eval", "guidance", file], stdout, stderr);

            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(stdout.ToString());
            var items = doc.RootElement.EnumerateArray().ToList();
            Assert.Equal(["q1", "q2", "q3"], items.Select(i => i.GetProperty("id").GetString()));
            Assert.All(items, i => Assert.Equal(["id", "mode", "answered", "passages"], i.EnumerateObject().Select(p => p.Name)));
            Assert.Equal(["answer", "suggest", "none"], items.Select(i => i.GetProperty("mode").GetString()));
            Assert.Equal([true, false, false], items.Select(i => i.GetProperty("answered").GetBoolean()));
            var passage = items[0].GetProperty("passages")[0];
            Assert.Equal(["text", "document", "section", "score"], passage.EnumerateObject().Select(p => p.Name));
            Assert.Contains("förundersökningsledaren", passage.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.InRange(items[1].GetProperty("passages").GetArrayLength(), 1, Guidance.GuidanceSearch.MaxSuggestions); // the suggestions, as the card shows them
            Assert.Equal(0, items[2].GetProperty("passages").GetArrayLength());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("eval", "intents")]
    [InlineData("eval", "reports", "x.json")]
    [InlineData("eval", "intents", "/no/such/file.json")]
    public async Task TryRunAsync_BadArguments_PrintsUsageAndExits2(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await EvalCommand.TryRunAsync(args, stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("usage: eval intents FILE", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }

    [Fact]
    public async Task TryRunAsync_NotJson_Exits2WithMessage()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "not json");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var code = await EvalCommand.TryRunAsync(["eval", "intents", file], stdout, stderr);

            Assert.Equal(2, code);
            Assert.Contains("is not a JSON array", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
