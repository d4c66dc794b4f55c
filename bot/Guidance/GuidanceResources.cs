namespace Trygg.Guidance;

/// <summary>The word lists embedded in the assembly (Lexicon.txt, Everyday.txt), read as text.</summary>
internal static class GuidanceResources
{
    public static string Read(string name)
    {
        using var stream = typeof(GuidanceResources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
