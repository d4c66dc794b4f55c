using Microsoft.Extensions.Logging;

namespace Trygg.Teams.Auth;

/// <summary>Inbound authentication log messages. None of them may carry the token or any part of it.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Inbound request rejected ({Status}): {Reason} [{Detail}]")]
    public static partial void Rejected(ILogger logger, AuthStatus status, string reason, string detail);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Signing keys unavailable from {MetadataAddress}; inbound tokens cannot be validated")]
    public static partial void MetadataUnavailable(ILogger logger, string metadataAddress, Exception exception);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Token signed with a key not in the cached metadata of {MetadataAddress}; refreshing once")]
    public static partial void RefreshingKeys(ILogger logger, string metadataAddress);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug, Message = "Inbound request accepted: {Reason}")]
    public static partial void Accepted(ILogger logger, string reason);
}
