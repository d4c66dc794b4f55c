using System.ComponentModel.DataAnnotations;

namespace Trygg.Guidance;

/// <summary>Where the guidance corpus lives; defaults to the copy in the output folder.</summary>
public sealed class GuidanceOptions
{
    public const string Section = "Guidance";

    [Required]
    public string CorpusPath { get; set; } = DefaultCorpusPath;

    public static string DefaultCorpusPath => Path.Combine(AppContext.BaseDirectory, "Guidance", "Corpus");
}
