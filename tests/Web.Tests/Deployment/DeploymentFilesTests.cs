using System.Diagnostics;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Deployment;

/// <summary>
/// docker-compose.yml and deploy/nginx/nginx.conf cannot be started here (no Docker engine), so deploy/check.sh checks
/// them: the compose topology README describes, and <c>nginx -t</c> on a loopback copy of the proxy's configuration.
/// Run as a test so that a change to either file that breaks them fails CI.
/// </summary>
public class DeploymentFilesTests
{
    [Fact]
    public async Task TheComposeFileAndTheProxyConfigurationPassTheirChecks()
    {
        var start = new ProcessStartInfo("bash", [RepositoryFiles.Path("deploy", "check.sh")])
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var check = Process.Start(start)!;
        var output = check.StandardOutput.ReadToEndAsync();
        var errors = check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();

        Assert.True(check.ExitCode == 0, $"deploy/check.sh failed:\n{await output}\n{await errors}");
        Assert.Contains("nginx -t passes", await output, StringComparison.Ordinal);
    }
}
