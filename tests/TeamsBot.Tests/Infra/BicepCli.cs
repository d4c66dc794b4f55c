using System.Reflection;
using System.Text.Json.Nodes;
using Trygg.Testing;

namespace Trygg.Infra;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (restored by this test project's
/// PackageDownload, so CI gets it from the restore; nothing is downloaded at test time). Runs offline.
/// </summary>
public static class BicepCli
{
    public const string Version = "0.49.2";

    private static readonly Lazy<string> Executable = new(Locate);
    private static readonly SemaphoreSlim CompileOnce = new(1, 1);
    private static ToolProcess.Result? _mainBuild;

    public static string Path => Executable.Value;

    public static Task<ToolProcess.Result> RunAsync(params string[] arguments) =>
        ToolProcess.RunAsync(Path, arguments, new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" }, RepoPaths.Combine("infra"));

    /// <summary>What <c>bicep build main.bicep --stdout</c> printed (run once per test run: the CLI takes seconds to start).</summary>
    public static async Task<ToolProcess.Result> BuildMainAsync()
    {
        await CompileOnce.WaitAsync();
        try
        {
            return _mainBuild ??= await RunAsync("build", "main.bicep", "--stdout");
        }
        finally
        {
            CompileOnce.Release();
        }
    }

    /// <summary>infra/main.bicep compiled to ARM JSON (a fresh copy each call).</summary>
    public static async Task<JsonObject> CompileMainAsync()
    {
        var result = await BuildMainAsync();
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonNode.Parse(result.Output)!.AsObject();
    }

    private static string Locate()
    {
        var root = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value;
        Assert.False(string.IsNullOrEmpty(root), "The test assembly does not know the NuGet package root.");
        var path = System.IO.Path.Combine(root!, "azure.bicep.commandline.linux-x64", Version, "tools", "bicep");
        Assert.True(File.Exists(path), $"Bicep CLI not found at {path}: restore tests/TeamsBot.Tests (PackageDownload Azure.Bicep.CommandLine.linux-x64 {Version}).");

        // The package is linux-x64 only; NuGet does not keep the execute bit of package files.
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The infra tests run the linux-x64 Bicep CLI.");
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }
}
