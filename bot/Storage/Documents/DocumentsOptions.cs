using System.ComponentModel.DataAnnotations;

namespace Trygg.Storage.Documents;

public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>
    /// The bot's public address, e.g. https://trygg-prod.azurewebsites.net (locally http://127.0.0.1:3978); links are
    /// <c>{PublicBaseUrl}/documents/{token}</c>.
    /// </summary>
    [Required(ErrorMessage = "Documents:PublicBaseUrl is required: the bot's public address, used in download links.")]
    [Url(ErrorMessage = "Documents:PublicBaseUrl must be an absolute http(s) address.")]
    public string PublicBaseUrl { get; set; } = "";
}
