using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Architecture;

/// <summary>
/// The house rules that a review would otherwise have to remember: controllers reach data through services, time
/// comes from the injected clock, and controllers and services stay small enough to read in one sitting.
/// </summary>
public partial class ArchitectureTests
{
    private const int MaxControllerLines = 150;
    private const int MaxServiceLines = 250;

    private static readonly string s_repositoryRoot = RepositoryFiles.Root;

    [Fact]
    public void NoControllerTakesTheDbContext()
    {
        var offenders = typeof(Program).Assembly.GetTypes()
            .Where(type => typeof(ControllerBase).IsAssignableFrom(type) && !type.IsAbstract)
            .Where(type => type.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => typeof(DbContext).IsAssignableFrom(p.ParameterType)))
            .Select(type => type.FullName ?? type.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0,
            $"These controllers take SiteDbContext; give the job to a service instead: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void NoSourceFileButProgramReadsTheWallClock()
    {
        // Views too: a Razor page can read the clock as easily as a class.
        var offenders = SourceFiles("*.cs").Concat(SourceFiles("*.cshtml"))
            .Where(path => Path.GetFileName(path) != "Program.cs")
            .Where(path => WallClock().IsMatch(File.ReadAllText(path)))
            .Select(RelativePath)
            .ToList();

        Assert.True(offenders.Count == 0,
            $"These files read DateTime(Offset).Now/UtcNow; use the injected TimeProvider: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void ControllersAndServicesStaySmall()
    {
        var offenders = new List<string>();
        foreach (var path in SourceFiles("*.cs"))
        {
            var lines = File.ReadLines(path).Count();
            if (LineLimit(path) is { } limit && lines > limit)
            {
                offenders.Add($"{RelativePath(path)} ({lines} lines, at most {limit})");
            }
        }

        Assert.True(offenders.Count == 0, $"Split these: {string.Join(", ", offenders)}");
    }

    // A service is a *Service class or anything else in a Services folder (the lead inbox's query helpers, the mail sender).
    private static int? LineLimit(string path) =>
        path.EndsWith("Controller.cs", StringComparison.Ordinal) ? MaxControllerLines
        : path.EndsWith("Service.cs", StringComparison.Ordinal)
            || path.Contains($"{Path.DirectorySeparatorChar}Services{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? MaxServiceLines
        : null;

    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(Utc)?Now\b")]
    private static partial Regex WallClock();

    private static IEnumerable<string> SourceFiles(string pattern)
    {
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(Path.Combine(s_repositoryRoot, "src"), pattern, SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                && !path.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private static string RelativePath(string path) => Path.GetRelativePath(s_repositoryRoot, path);
}
