using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace PiriSite.Web.Tests.Extensions;

/// <summary>
/// Nothing a person typed into the consultation form reaches the logs, at any level, from any category: the app's
/// own, ASP.NET Core's (model binding, action invocation, routing, hosting), EF Core's (commands, change tracking)
/// or the mail sender's, through the visitor's post, the staff's inbox, request page, notes, search and export,
/// and a mail server that refuses the messages naming their recipients.
/// </summary>
public sealed class LogPrivacyTests
{
    private const string Name = "Zebulon Quixotic-Marchetti";
    private const string Phone = "+1 469 555 0199";
    private const string Email = "zebulon.q@example.org";
    private const string Description = "Unmistakable description xylophone tangerine.";
    private const string Note = "Called back about the persimmon paperwork.";

    // Every piece of each marker that would give it away, in the forms the app may write it (tel: links, search).
    private static readonly string[] s_secrets =
        ["Zebulon", "Quixotic", "Marchetti", "555 0199", "555-0199", "5550199", "zebulon.q", "xylophone", "tangerine", "persimmon"];

    // The framework categories appsettings.json keeps at Warning, and their parents: all raised to Verbose.
    private static readonly string[] s_categories =
        ["Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions", "Microsoft.Hosting", "System", "System.Net.Http.HttpClient"];

    [Fact]
    public async Task NothingAPersonTypedReachesTheLogsAtAnyLevel()
    {
        await using var smtp = new RefusingSmtpServer(TestSmtpServer.FreePort());
        var settings = new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Consultation:IntakeEmail"] = "intake@pirisite.test",
        };
        foreach (var category in s_categories)
        {
            settings[$"Serilog:MinimumLevel:Override:{category}"] = "Verbose";
        }

        var sink = new CollectingSink();
        using var factory = new CapturingSiteFactory(settings, sink);

        // The visitor: one request stored, one refused for its email (the whole form comes back with the error).
        using var visitor = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(visitor);
        var values = new Dictionary<string, string>(ConsultationForm.ValidValues())
        {
            ["FullName"] = Name,
            ["Phone"] = Phone,
            ["Email"] = Email,
            ["ContactMethod"] = "Email",
            ["Description"] = Description,
        };
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(visitor, values)).StatusCode);
        var refused = new Dictionary<string, string>(values) { ["Email"] = "not valid zebulon", ["IdempotencyKey"] = Guid.NewGuid().ToString() };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await form.PostAsync(visitor, refused)).StatusCode);
        string reference;
        await using (var scope = factory.CreateDbScope())
        {
            reference = await scope.Db.ConsultationRequests.Select(r => r.Reference).SingleAsync();
        }

        // The staff: the inbox, the request, a note, an assignment, a status change, searches and exports.
        var (attorney, key) = await StaffSessions.CreateAsync(factory, "log.attorney@pirisite.test", StaffRoles.Attorney);
        using var staff = await StaffSessions.SignInAsync(factory, attorney.Email!, key);
        var inbox = await staff.GetStringAsync("/admin/leads");
        Assert.Contains(Name, WebUtility.HtmlDecode(inbox), StringComparison.Ordinal);
        var page = await staff.GetStringAsync($"/admin/leads/{reference}");
        Assert.Contains(Description, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"/admin/leads/{reference}", Form(page, ("Note", $"{Note} {Name}, {Phone}, {Email}.")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"/admin/leads/{reference}", Form(page, ("AssignedTo", attorney.Id)))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"/admin/leads/{reference}", Form(page, ("Status", "Contacted")))).StatusCode);
        Assert.Contains(Note, WebUtility.HtmlDecode(await staff.GetStringAsync($"/admin/leads/{reference}")), StringComparison.Ordinal);
        foreach (var term in new[] { "Zebulon", Email, "555 0199", "xylophone" })
        {
            var found = await staff.PostAsync("/admin/leads/search", Form(inbox, ("Q", term)));
            Assert.Contains(reference, await found.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var exported = await staff.PostAsync("/admin/leads/export", Form(inbox, ("Q", term)));
            Assert.Contains(Email, await exported.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains(Email, await staff.GetStringAsync("/admin/leads/export"), StringComparison.Ordinal);
        await staff.GetStringAsync("/admin");

        // The mail server refuses both messages, naming the visitor's address in its answer; wait for both failures.
        await WaitForAsync(async () =>
        {
            await using var scope = factory.CreateDbScope();
            return await scope.Db.OutboxMessages.CountAsync(m => m.Attempts >= 1 && m.LastError != null) == 2;
        });
        Assert.True(smtp.Refused >= 2);
        await Task.Delay(500);

        // The levels really were raised: framework categories wrote their Debug and Verbose events.
        var configuration = factory.Services.GetRequiredService<IConfiguration>();
        Assert.All(configuration.GetSection("Serilog:MinimumLevel:Override").GetChildren(), level => Assert.Equal("Verbose", level.Value));
        var events = sink.Events.ToList();
        Assert.Contains(events, e => Category(e).StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal) && e.Level == LogEventLevel.Debug);
        Assert.Contains(events, e => Category(e).StartsWith("Microsoft.EntityFrameworkCore.ChangeTracking", StringComparison.Ordinal));
        Assert.Contains(events, e => Category(e).StartsWith("Microsoft.AspNetCore.Mvc.ModelBinding", StringComparison.Ordinal) && e.Level == LogEventLevel.Debug);
        Assert.Contains(events, e => Category(e).StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level == LogEventLevel.Verbose);
        Assert.Contains(events, e => Category(e).StartsWith("PiriSite.Web.Services.Mail", StringComparison.Ordinal) && e.Level == LogEventLevel.Warning);
        Assert.Contains(events, e => e.RenderMessage(CultureInfo.InvariantCulture).Contains("Consultation request", StringComparison.Ordinal));
        // Structured request logging reaches the host's sinks, with the path only.
        Assert.Contains(events, e => e.RenderMessage(CultureInfo.InvariantCulture).Contains("\"/consultation\" responded 302", StringComparison.Ordinal));

        foreach (var logEvent in events)
        {
            var text = Everything(logEvent);
            foreach (var secret in s_secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase),
                    $"\"{secret}\" reached the log from {Category(logEvent)} at {logEvent.Level}: {text}");
            }
        }
    }

    private static string Category(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string name } ? name : "";

    // The message as written and as rendered, every property with its full structure, and the exception with its inner ones.
    private static string Everything(LogEvent logEvent) =>
        string.Join('\n',
            logEvent.MessageTemplate.Text,
            logEvent.RenderMessage(CultureInfo.InvariantCulture),
            string.Join('\n', logEvent.Properties.Select(p => $"{p.Key}={p.Value}")),
            logEvent.Exception?.ToString() ?? "");

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(page))));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the mail server's refusals");
            await Task.Delay(200);
        }
    }

    private sealed class CapturingSiteFactory(IDictionary<string, string?> settings, ILogEventSink sink) : SiteFactory(settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(sink));
        }
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }
}
