using Trygg.Storage.Documents;

namespace Trygg.Teams;

/// <summary>GET /documents/{token}: a shared document, downloaded as a file, never cached, never indexed.</summary>
internal static class DocumentsEndpoint
{
    public const string Route = "/documents/{token}";

    public static async Task<IResult> HandleAsync(string token, ISharedDocuments documents, HttpContext context, CancellationToken cancellationToken)
    {
        var document = await documents.OpenAsync(token, cancellationToken).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (document is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The link is unknown or has expired.");
        }

        // HTML opens in the browser but runs no script and loads nothing from elsewhere.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
        return Results.File(document.Content, document.ContentType, document.FileName);
    }
}
