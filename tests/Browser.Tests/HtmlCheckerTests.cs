using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PiriSite.Browser.Tests;

/// <summary>
/// Every public page in every language, run through the Nu HTML checker in one invocation (with one document
/// known to be broken, so a checker that checks nothing cannot pass). Errors fail; warnings are listed.
/// </summary>
public sealed class HtmlCheckerRun : IAsyncLifetime
{
    public const string Canary = "canary: a paragraph closed inside a span";

    // An end tag for an element that is not open is an error the checker always reports.
    private const string BrokenDocument = "<!DOCTYPE html><html lang=\"en\"><head><title>Canary</title></head><body><p><span>text</p></span></body></html>";

    public IReadOnlyList<PublicPage> Pages { get; private set; } = [];

    public IReadOnlyList<NuMessage> Messages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await using (var factory = new SiteFactory())
        {
            Pages = await PublicPageSet.CollectAsync(factory);
        }


        var documents = Pages.Where(p => p.Html.Length > 0).ToDictionary(p => p.Name, p => p.Html, StringComparer.Ordinal);
        documents[Canary] = BrokenDocument;
        Messages = await NuHtmlChecker.CheckAsync(documents);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[Trait("Category", "HtmlChecker")]
public sealed class HtmlCheckerTests(HtmlCheckerRun run, ITestOutputHelper output) : IClassFixture<HtmlCheckerRun>
{
    public static TheoryData<string> Languages => new(SiteLanguage.All.Select(l => l.Code));

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryPageIsServedInItsLanguage(string code)
    {
        var language = SiteLanguage.Of(code);
        var pages = run.Pages.Where(p => p.Language == language).ToList();

        var problems = pages.Where(p => p.Problem is not null).Select(p => $"{p.Name}: {p.Problem}")
            .Concat(pages.Where(p => p.Problem is null && p.DeclaredLanguage != code)
                .Select(p => $"{p.Name}: <html lang=\"{p.DeclaredLanguage}\">, expected \"{code}\""))
            .ToList();

        Assert.True(problems.Count == 0, $"{problems.Count} of {pages.Count} {language.NativeName} pages:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void TheNuHtmlCheckerFindsNoErrorOnAnyPage(string code)
    {
        var language = SiteLanguage.Of(code);
        var names = run.Pages.Where(p => p.Language == language && p.Html.Length > 0).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var messages = run.Messages.Where(m => names.Contains(m.Document)).ToList();

        var warnings = messages.Where(m => m.Type == "warning").ToList();
        output.WriteLine($"Nu HTML checker: {names.Count} {language.NativeName} pages, {warnings.Count} warnings (allowed):");
        foreach (var warning in warnings)
        {
            output.WriteLine(warning.ToString());
        }

        Assert.NotEmpty(names);
        var errors = messages.Where(m => m.IsError).ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} errors on {language.NativeName} pages:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void TheCheckerReallyCheckedTheBatch()
    {
        Assert.Contains(run.Messages, m => m.Document == HtmlCheckerRun.Canary && m.IsError);

        // Every message names one of the documents given: none is lost to a wrong file name.
        var names = run.Pages.Select(p => p.Name).Append(HtmlCheckerRun.Canary).ToHashSet(StringComparer.Ordinal);
        Assert.All(run.Messages, m => Assert.Contains(m.Document, names));
    }
}
