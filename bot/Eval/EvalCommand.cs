using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Trygg.Conversation.Intents;
using Trygg.Guidance;

namespace Trygg.Eval;

/// <summary>
/// <c>eval intents FILE</c> and <c>eval guidance FILE</c>: score the bot's understanding offline, without the
/// web host or any configuration (see docs/evaluation.md). Only the JSON result goes to stdout.
/// </summary>
public static class EvalCommand
{
    private const string Usage = """
        usage: eval intents FILE     FILE: JSON array of { "text" }; prints [ { "text", "intent" } ]
               eval guidance FILE    FILE: JSON array of { "id", "question" }; prints [ { "id", "mode", "answered", "passages" } ]
               eval turns FILE       FILE: JSON array of { "id", "text", "organisation"? }; prints [ { "id", "action", "language", "passages" } ]
               eval passages         prints the corpus as the index holds it: [ { "id", "document", "section", "text" } ]
               eval models-cv FOLDER  the learnt readers on each set of FOLDER with that set's group left out of their training
               eval learn TEACH EVAL teaches TEACH's missed questions through the approval path; prints EVAL's scores before and after
        """;

    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Swedish letters stay readable
        WriteIndented = true,
        PropertyNameCaseInsensitive = true,
    };

    /// <summary>
    /// Null when the arguments are not an eval command (the app runs as usual) or are a valid <c>eval turns FILE</c>
    /// (the app is built and <see cref="TurnsEval"/> runs it); otherwise the exit code.
    /// </summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] != "eval")
        {
            return null;
        }

        if (args is [_, "passages"])
        {
            return await PrintPassagesAsync(stdout, stderr);
        }

        if (args is [_, "models-cv", var folder])
        {
            if (ResolveFolder(folder) is not { } found)
            {
                await stderr.WriteLineAsync($"folder not found: {folder}");
                return 2;
            }

            return await ModelCrossCheck.RunAsync(found, stdout, stderr);
        }

        if (args is [_, "learn", var teach, var evaluate])
        {
            if (Resolve(teach) is not { } teachPath || Resolve(evaluate) is not { } evalPath)
            {
                await stderr.WriteLineAsync($"file not found: {(Resolve(teach) is null ? teach : evaluate)}");
                return 2;
            }

            return await LearnEval.RunAsync(teachPath, evalPath, GuidanceOptions.DefaultCorpusPath, stdout, stderr);
        }

        if (args.Length != 3 || args[1] is not ("intents" or "guidance" or "turns"))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (Resolve(args[2]) is not { } path)
        {
            await stderr.WriteLineAsync($"file not found: {args[2]}");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (TurnsEval.IsTurns(args))
        {
            // The whole app is built for it (Program.cs hands it to TurnsEval) in anonymous local mode, which only
            // Development allows; nothing listens, so no request can reach it.
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Development");
            return null;
        }

        return args[1] == "guidance"
            ? await GuidanceEval.RunAsync(path, GuidanceOptions.DefaultCorpusPath, stdout, stderr)
            : await RunIntentsAsync(path, stdout, stderr);
    }

    /// <summary>
    /// A relative path is looked up from the working directory and then its parents: <c>dotnet run --project bot</c>
    /// starts the app in bot/, while the caller wrote the path from the repository root.
    /// </summary>
    internal static string? Resolve(string path) => Find(path, File.Exists);

    /// <summary>As <see cref="Resolve"/>, for a folder.</summary>
    internal static string? ResolveFolder(string path) => Find(path, Directory.Exists);

    private static string? Find(string path, Func<string, bool> exists)
    {
        if (Path.IsPathRooted(path))
        {
            return exists(path) ? path : null;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<int> RunIntentsAsync(string path, TextWriter stdout, TextWriter stderr)
    {
        if (await ReadAsync<IntentInput>(path, "{ \"text\" }", stderr) is not { } inputs)
        {
            return 2;
        }

        foreach (var input in inputs)
        {
            await stderr.WriteLineAsync($"intent words {string.Join(' ', IntentRecognizer.Explain(input.Text))} <- {input.Text}");
        }

        var results = inputs
            .Select(i => new IntentOutput(i.Text ?? string.Empty, Name(IntentRecognizer.Recognize(i.Text))))
            .ToList();
        await stdout.WriteLineAsync(JsonSerializer.Serialize(results, Json));
        return 0;
    }

    /// <summary>The items of an eval file, or null (and why on stderr) when it is not a JSON array of <paramref name="shape"/>.</summary>
    internal static async Task<List<T>?> ReadAsync<T>(string path, string shape, TextWriter stderr)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<List<T>>(stream, Json) ?? [];
        }
        catch (JsonException e)
        {
            await stderr.WriteLineAsync($"{path} is not a JSON array of {shape}: {e.Message}");
            return null;
        }
    }

    /// <summary>The passages, so whoever writes questions or anchors sees exactly how the corpus is split.</summary>
    private static async Task<int> PrintPassagesAsync(TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var passages = GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath)
                .Select(p => new { id = p.Id, document = p.DocumentId, section = p.Section, text = p.Text });
            await stdout.WriteLineAsync(JsonSerializer.Serialize(passages, Json));
            return 0;
        }
        catch (DirectoryNotFoundException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return 2;
        }
    }

    /// <summary>The contract's names: lower case enum names ("myreports"); a told incident is a report, a contact question a question.</summary>
    internal static string Name(Intent intent) => intent switch
    {
        Intent.Told => "report",
        Intent.Contact => "question",
        Intent.Acknowledgement => "other",
        _ => intent.ToString().ToLowerInvariant(),
    };

    private sealed record IntentInput([property: JsonPropertyName("text")] string? Text);

    private sealed record IntentOutput(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("intent")] string Intent);
}
