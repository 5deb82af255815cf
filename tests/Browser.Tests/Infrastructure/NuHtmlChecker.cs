using System.Diagnostics;
using System.Text.Json;

namespace PiriSite.Browser.Tests.Infrastructure;

/// <summary>One message of the Nu HTML checker about one document.</summary>
public sealed record NuMessage(string Document, string Type, int Line, int Column, string Text, string Extract)
{
    /// <summary>An error, or a document the checker could not read: both fail a check. Warnings do not.</summary>
    public bool IsError => Type is "error" or "non-document-error";

    public override string ToString() => $"{Document}:{Line}:{Column} {Type}: {Text} [{Extract.ReplaceLineEndings(" ").Trim()}]";
}

/// <summary>
/// The Nu HTML checker (the W3C's validator, npm package vnu-jar) run on Java over many documents in one
/// invocation, since each start of the JVM costs seconds. test.sh installs the jar into artifacts/vnu (ignored by
/// git); VNU_JAR names another one.
/// </summary>
public static class NuHtmlChecker
{
    private const string JarInRepository = "artifacts/vnu/node_modules/vnu-jar/build/dist/vnu.jar";

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    /// <summary>Checks every document (name → HTML) and returns the checker's messages, each with its document's name.</summary>
    public static async Task<IReadOnlyList<NuMessage>> CheckAsync(IReadOnlyDictionary<string, string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var jar = FindJar();
        var directory = Directory.CreateTempSubdirectory("pirisite-vnu-");
        try
        {
            // Files are numbered: a document's name (an address) is no file name.
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, html) in documents)
            {
                var file = Path.Combine(directory.FullName, $"{names.Count:D4}.html");
                await File.WriteAllTextAsync(file, html);
                names[Path.GetFileName(file)] = name;
            }

            var json = await RunAsync(jar, directory.FullName);
            return Parse(json, names);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string FindJar()
    {
        if (Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"VNU_JAR names {configured}, which does not exist.");
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, JarInRepository);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The Nu HTML checker was not found at {JarInRepository}. Run ./test.sh (it installs vnu-jar from npm) or set VNU_JAR.");
    }

    private static async Task<string> RunAsync(string jar, string directory)
    {
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -Xss: the checker's parser recurses deeply (its documentation asks for a larger stack).
        foreach (var argument in new[] { "-Xss1024k", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always", directory })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The Nu HTML checker did not finish within {s_timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The Nu HTML checker exited with {process.ExitCode}: {await errors}");
        }

        return await output;
    }

    private static List<NuMessage> Parse(string json, Dictionary<string, string> names)
    {
        using var report = JsonDocument.Parse(json);
        var messages = new List<NuMessage>();
        foreach (var message in report.RootElement.GetProperty("messages").EnumerateArray())
        {
            var url = Text(message, "url");
            var file = url[(url.LastIndexOf('/') + 1)..]; // "file:/tmp/pirisite-vnu-x/0001.html"
            var type = Text(message, "type");
            if (type == "info" && Text(message, "subType") == "warning")
            {
                type = "warning";
            }

            messages.Add(new NuMessage(
                names.GetValueOrDefault(file, url),
                type,
                Number(message, "lastLine"),
                Number(message, "firstColumn") is > 0 and var first ? first : Number(message, "lastColumn"),
                Text(message, "message"),
                Text(message, "extract")));
        }

        return messages;
    }

    private static string Text(JsonElement message, string property) =>
        message.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static int Number(JsonElement message, string property) =>
        message.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
