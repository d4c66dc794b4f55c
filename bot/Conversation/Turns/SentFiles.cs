namespace Trygg.Conversation.Turns;

/// <summary>
/// A file or pasted image the member sent with a message, as the channel described it. <see cref="Name"/> is the
/// member's own file name (personal data: never logged); the location is the channel's, opaque to features, which
/// read the content through <see cref="ISentFileReader"/> only.
/// </summary>
/// <param name="Location">Where the channel keeps the content (a download address).</param>
/// <param name="Origin">The service URL of the activity that carried the file: the reader checks the location against it.</param>
/// <param name="NeedsBotToken">True for an inline image, whose address answers only with the bot's token.</param>
public sealed record SentFile(string Name, string Location, string Origin, bool NeedsBotToken);

/// <summary>Why a sent file could not be read; <see cref="None"/> when it was.</summary>
public enum SentFileProblem
{
    None,

    /// <summary>Larger than the caller's limit: reading stopped there.</summary>
    TooLarge,

    /// <summary>The channel did not give it (expired link, network, refused).</summary>
    Unavailable,

    /// <summary>The address is not one the channel uses: nothing was fetched.</summary>
    Untrusted,
}

/// <summary>The content of a sent file, or why there is none.</summary>
public sealed record SentFileContent(byte[] Bytes, SentFileProblem Problem)
{
    public static SentFileContent Failed(SentFileProblem problem) => new([], problem);
}

/// <summary>
/// Reads what a member sent through the protocol layer (which knows the channel's addresses and tokens). Implemented
/// by Teams; features never download a URL themselves.
/// </summary>
public interface ISentFileReader
{
    /// <summary>The file's bytes, read at most up to <paramref name="maxBytes"/> (more gives <see cref="SentFileProblem.TooLarge"/>).</summary>
    Task<SentFileContent> ReadAsync(SentFile file, long maxBytes, CancellationToken cancellationToken);
}
