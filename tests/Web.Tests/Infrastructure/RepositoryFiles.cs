namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// The repository's own files, for the tests that read sources, views and resources where they are: the tests run
/// from tests/Web.Tests/bin/..., and the repository's root is the folder that holds PiriSite.sln above it.
/// </summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    /// <summary>A path under the repository's root: <c>Path("src", "Web")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PiriSite.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PiriSite.sln above {AppContext.BaseDirectory}.");
    }
}
