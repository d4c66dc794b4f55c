using Moq;
using Trygg.Members.Directory;
using Trygg.Outbox;

namespace Trygg.Members;

public sealed class DirectoryAppInstallerTests
{
    [Theory]
    [InlineData(AppInstallOutcome.Installed)]
    [InlineData(AppInstallOutcome.AlreadyInstalled)]
    public async Task InstallForUserAsync_DirectoryInstalls_Requested(AppInstallOutcome outcome)
    {
        var directory = new Mock<IDirectory>();
        directory.Setup(d => d.InstallAppForUserAsync("tenant", "user", It.IsAny<CancellationToken>())).ReturnsAsync(outcome);

        var result = await new DirectoryAppInstaller(directory.Object).InstallForUserAsync("tenant", "user", default);

        Assert.Equal(AppInstall.Requested, result);
        directory.Verify(d => d.InstallAppForUserAsync("tenant", "user", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task InstallForUserAsync_NoDirectoryConfigured_NotConfigured()
    {
        var result = await new DirectoryAppInstaller(new UnconfiguredDirectory()).InstallForUserAsync("tenant", "user", default);

        Assert.Equal(AppInstall.NotConfigured, result);
    }

    [Fact]
    public async Task InstallForUserAsync_DirectoryRefuses_Failed()
    {
        var directory = new Mock<IDirectory>();
        directory.Setup(d => d.InstallAppForUserAsync("tenant", "user", It.IsAny<CancellationToken>())).ThrowsAsync(new DirectoryException("403"));

        var result = await new DirectoryAppInstaller(directory.Object).InstallForUserAsync("tenant", "user", default);

        Assert.Equal(AppInstall.Failed, result);
    }
}
