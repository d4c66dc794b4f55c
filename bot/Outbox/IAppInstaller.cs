namespace Trygg.Outbox;

/// <summary>
/// Installs the bot's app for a user whose 1:1 chat Teams says does not exist yet (<see cref="DeliveryOutcome.NotInstalled"/>),
/// so the dispatcher can try the row again. The directory implements it.
/// </summary>
internal interface IAppInstaller
{
    Task<AppInstall> InstallForUserAsync(string tenantId, string userAadObjectId, CancellationToken cancellationToken);
}

/// <summary>What came of asking for an install.</summary>
internal enum AppInstall
{
    Requested,

    /// <summary>The directory is not configured to install apps (no Graph permission in this deployment).</summary>
    NotConfigured,

    Failed,
}
