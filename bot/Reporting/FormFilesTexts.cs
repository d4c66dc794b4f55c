using Trygg.Texts;

namespace Trygg.Reporting;

/// <summary>The report form's file step and the count of files on the preview and receipt (FormFilesTexts.resx, .en.resx).</summary>
internal sealed record FormFilesTexts(
    string Title,
    string[] Lines,
    string Skip,
    string Done,
    string CountOne,
    string CountMany,
    string PreviewLabel)
{
    public static FormFilesTexts For(Language language) => LocalizedTexts.For<FormFilesTexts>(language);

    /// <summary>"1 fil bifogad", "2 filer bifogade"; empty for none, so the cards say nothing about files nobody sent.</summary>
    public string Count(int files) => files switch
    {
        <= 0 => string.Empty,
        1 => CountOne,
        _ => string.Format(System.Globalization.CultureInfo.InvariantCulture, CountMany, files),
    };
}
