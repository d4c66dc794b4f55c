using Trygg.Conversation.Turns;
using Trygg.Storage.Documents;
using Trygg.Outbox;

namespace Trygg.Conversation.Proactive;

/// <summary>A file waiting in <see cref="IPrivateFiles"/>, as Teams' file consent card describes it.</summary>
public sealed record FileOffer(string FileId, string FileName, string Description, long SizeInBytes);

/// <summary>
/// Offers a file in a user's 1:1 chat with the bot: Teams shows a file consent card there and, when the user allows
/// it, uploads the file to their own OneDrive (protocol: <c>fileConsent/invoke</c>, handled in Teams/).
/// </summary>
public interface IFileOffers
{
    /// <summary>Sends the consent card to the user's personal chat (opened when needed); <see cref="ProactiveException"/> when Teams refuses.</summary>
    Task OfferAsync(string tenantId, string userAadObjectId, FileOffer offer, CancellationToken cancellationToken);
}

/// <summary>
/// How a feature hands a file with personal data to the staff member who asked for it: never as a link (a bearer
/// secret in a URL path ends up in web server and Application Insights request logs), but into their 1:1 chat with the
/// bot, where Teams asks them to allow the upload and stores the file in their OneDrive, behind their own Entra sign-in.
/// The file waits on the server for a day at most, readable only with the asker's Entra object id.
/// </summary>
public sealed class PrivateFileSender(IPrivateFiles files, IFileOffers offers, TimeProvider time)
{
    /// <summary>How long a file waits for its owner to press Allow.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>True when the consent card is on its way; false when the file could not be offered (no Entra id, or Teams refused).</summary>
    public async Task<bool> SendAsync(
        Turn turn, string organisationId, string fileName, string contentType, byte[] content, string description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrEmpty(turn.User.AadObjectId))
        {
            return false;
        }

        var id = await files.KeepAsync(
            new PrivateFile(turn.TenantId, organisationId, turn.User.AadObjectId, fileName, contentType, content, time.GetUtcNow().Add(Lifetime)),
            cancellationToken).ConfigureAwait(false);
        try
        {
            await offers.OfferAsync(turn.TenantId, turn.User.AadObjectId, new FileOffer(id, fileName, description, content.Length), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ProactiveException)
        {
            await files.DeleteAsync(turn.TenantId, turn.User.AadObjectId, id, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }
}
