using Trygg.Members.Directory;
using Trygg.Outbox;

namespace Trygg.Members;

/// <summary>The outbox's app installs, through the organisation's directory (Graph).</summary>
internal sealed class DirectoryAppInstaller(IDirectory directory) : IAppInstaller
{
    public async Task<AppInstall> InstallForUserAsync(string tenantId, string userAadObjectId, CancellationToken cancellationToken)
    {
        try
        {
            await directory.InstallAppForUserAsync(tenantId, userAadObjectId, cancellationToken);
            return AppInstall.Requested;
        }
        catch (DirectoryException e)
        {
            return e.NotConfigured ? AppInstall.NotConfigured : AppInstall.Failed;
        }
    }
}
