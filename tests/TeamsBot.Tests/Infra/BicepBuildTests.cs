using Trygg.Testing;

namespace Trygg.Infra;

/// <summary>infra/ compiles and lints without a single diagnostic (bicepconfig.json makes every linter rule an error).</summary>
public sealed class BicepBuildTests
{
    public static TheoryData<string> ParameterFiles() => [.. Directory
        .EnumerateFiles(RepoPaths.Combine("infra"), "*.bicepparam", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepoPaths.Combine("infra"), f))
        .Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Build_Main_SucceedsWithNoDiagnostics()
    {
        var result = await BicepCli.BuildMainAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(string.IsNullOrWhiteSpace(result.Error), "Bicep printed diagnostics:\n" + result.Error);
        Assert.Contains("\"$schema\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MainAndTheModulesItUses_IsClean()
    {
        // Linting main.bicep reports the diagnostics of every module it references (see the next test).
        var result = await BicepCli.RunAsync("lint", "main.bicep");

        Assert.True(result.ExitCode == 0 && string.IsNullOrWhiteSpace(result.Error) && string.IsNullOrWhiteSpace(result.Output), result.ToString());
    }

    [Fact]
    public void Modules_EveryModuleFileIsUsedByMain()
    {
        var main = File.ReadAllText(RepoPaths.Combine("infra", "main.bicep"));

        Assert.All(
            Directory.EnumerateFiles(RepoPaths.Combine("infra", "modules"), "*.bicep"),
            f => Assert.Contains($"'modules/{Path.GetFileName(f)}'", main, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task BuildParams_EveryEnvironment_CompilesAgainstMain(string file)
    {
        var result = await BicepCli.RunAsync("build-params", file, "--stdout");

        Assert.True(result.ExitCode == 0 && string.IsNullOrWhiteSpace(result.Error), result.ToString());
    }

    [Fact]
    public void ParameterFiles_OnePerEnvironmentAndOneForAzd()
    {
        Assert.Equal(["environments/prod.bicepparam", "environments/test.bicepparam", "main.bicepparam"],
            Directory.EnumerateFiles(RepoPaths.Combine("infra"), "*.bicepparam", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(RepoPaths.Combine("infra"), f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Lint_WouldCatchAWarning()
    {
        // The guard must be able to fail: an unused parameter is reported, as an error, under the same bicepconfig.json.
        var folder = Directory.CreateTempSubdirectory("trygg-lint-").FullName;
        try
        {
            File.Copy(RepoPaths.Combine("infra", "bicepconfig.json"), Path.Combine(folder, "bicepconfig.json"));
            await File.WriteAllTextAsync(Path.Combine(folder, "module.bicep"), "param used string\nparam unused string\noutput echo string = used\n");
            await File.WriteAllTextAsync(Path.Combine(folder, "probe.bicep"), "module m 'module.bicep' = {\n  params: {\n    used: 'a'\n    unused: 'b'\n  }\n}\n");

            // Only the referencing file is linted: the module's diagnostic must still be reported.
            var result = await BicepCli.RunAsync("lint", Path.Combine(folder, "probe.bicep"));

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Error no-unused-params", result.Output + result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Modules_AreLocal()
    {
        var references = Directory.EnumerateFiles(RepoPaths.Combine("infra"), "*.bicep*", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(l => l.Contains("'br:", StringComparison.Ordinal) || l.Contains("'br/", StringComparison.Ordinal) || l.Contains("'ts:", StringComparison.Ordinal));

        Assert.Empty(references);
    }
}
