using System.Text.Json.Nodes;

namespace Trygg.Eval;

public sealed class LearnEvalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("learn-eval").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TryRunAsync_Learn_TeachesTheMissedQuestion_AndEvalScoresItRightAfter()
    {
        const string Set = """
            [
              { "id": "t1", "question": "får kommunen stå för kostnaden för ett hemlarm", "expect_any": ["vara förberedd på hur hotfulla situationer"], "doc": "alingsas-rutin-hot-hat-vald.txt" },
              { "id": "t2", "question": "vad kostar en parkering vid stadshuset", "expect_any": [], "doc": null }
            ]
            """;
        var path = Path.Combine(_folder, "set.json");
        await File.WriteAllTextAsync(path, Set);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await EvalCommand.TryRunAsync(["eval", "learn", path, path], stdout, stderr);

        Assert.Equal(0, code);
        var result = JsonNode.Parse(stdout.ToString())!;
        Assert.Equal(1, result["teach"]!["taught"]!.GetValue<int>());
        Assert.Equal(0.0, result["before"]!["answered_right"]!.GetValue<double>());
        Assert.Equal(1.0, result["after"]!["answered_right"]!.GetValue<double>());
        Assert.Equal(0.0, result["after"]!["out_of_scope_answered"]!.GetValue<double>());
        var changed = Assert.Single(result["changed"]!.AsArray());
        Assert.Equal("t1", changed!["id"]!.GetValue<string>());
        Assert.Equal("right", changed["after"]!.GetValue<string>());
    }

    [Fact]
    public async Task TryRunAsync_LearnWithAMissingFile_Usage()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await EvalCommand.TryRunAsync(["eval", "learn", Path.Combine(_folder, "none.json"), Path.Combine(_folder, "none.json")], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Empty(stdout.ToString());
        Assert.Contains("file not found", stderr.ToString(), StringComparison.Ordinal);
    }
}
