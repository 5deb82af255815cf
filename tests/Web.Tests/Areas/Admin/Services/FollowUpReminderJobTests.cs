using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin.Services;

/// <summary>
/// The morning follow-up reminder, run by hand at chosen firm times (the hosted one is off): one email per member of
/// staff with open requests due or overdue, references and links only, once per person per day however often it runs.
/// </summary>
public sealed class FollowUpReminderJobTests : IDisposable
{
    // A Monday in the firm's calendar; the reminders go at 7 (the default).
    private static readonly DateOnly s_today = new(2026, 12, 14);

    private readonly SettableClock _clock = new();
    private readonly SiteFactory _baseFactory;
    private readonly WebApplicationFactoryClock _factory;

    public FollowUpReminderJobTests()
        : this(new Dictionary<string, string?>())
    {
    }

    private FollowUpReminderJobTests(Dictionary<string, string?> settings)
    {
        _baseFactory = new SiteFactory(settings) { RunsBackgroundServices = false };
        _factory = new WebApplicationFactoryClock(_baseFactory, _clock);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _baseFactory.Dispose();
    }

    [Fact]
    public async Task TheMorningRunQueuesOneReminderPerAssigneeListingOnlyTheirOpenRequestsDueOrOverdue()
    {
        var attorney = await StaffAsync("attorney", StaffRoles.Attorney);
        var paralegal = await StaffAsync("paralegal", StaffRoles.Staff);
        var idle = await StaffAsync("idle", StaffRoles.Staff);

        var dueToday = await RequestAsync(attorney, LeadStatus.New, s_today);
        var overdue = await RequestAsync(attorney, LeadStatus.Contacted, s_today.AddDays(-3));
        var tomorrow = await RequestAsync(attorney, LeadStatus.New, s_today.AddDays(1));
        var retained = await RequestAsync(attorney, LeadStatus.Retained, s_today);
        var notRetained = await RequestAsync(attorney, LeadStatus.NotRetained, s_today.AddDays(-1));
        var spam = await RequestAsync(attorney, LeadStatus.Spam, s_today);
        var noDate = await RequestAsync(attorney, LeadStatus.New, null);
        var paralegalsOverdue = await RequestAsync(paralegal, LeadStatus.ConsultationScheduled, s_today.AddDays(-1));
        var unassigned = await RequestAsync(null, LeadStatus.New, s_today);
        await RequestAsync(idle, LeadStatus.New, s_today.AddDays(2));

        _clock.SetFirmTime(s_today, 7, 0);
        Assert.Equal(2, await RunAsync());

        var reminders = await RemindersAsync();
        Assert.Equal(2, reminders.Count);

        var attorneys = reminders.Single(m => m.To == attorney.Email);
        Assert.Equal("2 follow-ups due (1 overdue)", attorneys.Subject);
        Assert.Equal(FollowUpReminderEmail.DedupeKey(attorney.Id, s_today), attorneys.DedupeKey);
        Assert.Null(attorneys.ConsultationRequestId);
        Assert.Contains($"{overdue.Reference}  OVERDUE, was due Friday, December 11", attorneys.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{dueToday.Reference}  due today", attorneys.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{SiteFactory.BaseAddress}/admin/leads/{dueToday.Reference}", attorneys.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{SiteFactory.BaseAddress}/admin/leads/{overdue.Reference}", attorneys.TextBody, StringComparison.Ordinal);
        Assert.True(attorneys.TextBody.IndexOf(overdue.Reference, StringComparison.Ordinal) < attorneys.TextBody.IndexOf(dueToday.Reference, StringComparison.Ordinal),
            "the oldest follow-up comes first");
        foreach (var other in new[] { tomorrow, retained, notRetained, spam, noDate, paralegalsOverdue, unassigned })
        {
            Assert.DoesNotContain(other.Reference, attorneys.TextBody, StringComparison.Ordinal);
        }

        var paralegals = reminders.Single(m => m.To == paralegal.Email);
        Assert.Equal("1 follow-up overdue", paralegals.Subject);
        Assert.Contains(paralegalsOverdue.Reference, paralegals.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(dueToday.Reference, paralegals.TextBody, StringComparison.Ordinal);

        // References and links only: no name, phone number, address or description of anyone who asked for help.
        foreach (var reminder in reminders)
        {
            var text = reminder.Subject + "\n" + reminder.TextBody;
            foreach (var personal in new[] { "Quillon", "555-01", "@example.com", "Description marker" })
            {
                Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task RunningAgainTheSameDayQueuesNothingMoreEvenFromAnotherInstanceAndTheNextDayQueuesAgain()
    {
        var attorney = await StaffAsync("attorney", StaffRoles.Attorney);
        await RequestAsync(attorney, LeadStatus.New, s_today);
        _clock.SetFirmTime(s_today, 7, 5);
        Assert.Equal(1, await RunAsync());

        // Later the same day, and from a second job as a restarted site or a second instance would have.
        _clock.SetFirmTime(s_today, 16, 0);
        Assert.Equal(0, await RunAsync());
        Assert.Equal(0, await NewJob().RunOnceAsync());
        Assert.Equal(0, (await Task.WhenAll(NewJob().RunOnceAsync(), NewJob().RunOnceAsync())).Sum());
        Assert.Single(await RemindersAsync());

        // The database itself refuses a second message under the same key.
        await using (var scope = _baseFactory.CreateDbScope())
        {
            scope.Db.OutboxMessages.Add(FollowUpReminderEmail.Create(attorney.Email!, attorney.Id, s_today, [new("PR-AAAAAA", s_today)], "https://x.test", DateTime.UnixEpoch));
            await Assert.ThrowsAsync<DbUpdateException>(() => scope.Db.SaveChangesAsync());
        }

        // The next morning the still-overdue follow-up is listed again.
        _clock.SetFirmTime(s_today.AddDays(1), 7, 0);
        Assert.Equal(1, await RunAsync());
        var reminders = await RemindersAsync();
        Assert.Equal(2, reminders.Count);
        Assert.Equal("1 follow-up overdue", reminders[^1].Subject);
    }

    [Fact]
    public async Task TwoJobsRunningAtOnceQueueOneReminderPerPerson()
    {
        var first = await StaffAsync("first", StaffRoles.Attorney);
        var second = await StaffAsync("second", StaffRoles.Staff);
        await RequestAsync(first, LeadStatus.New, s_today);
        await RequestAsync(second, LeadStatus.New, s_today);
        _clock.SetFirmTime(s_today, 8, 0);

        var queued = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => NewJob().RunOnceAsync())));

        Assert.Equal(2, queued.Sum());
        Assert.Equal(2, (await RemindersAsync()).Count);
    }

    [Fact]
    public async Task WhenAnotherInstanceQueuesTheSameReminderBetweenTheCheckAndTheSaveTheDatabaseKeepsOne()
    {
        var attorney = await StaffAsync("attorney", StaffRoles.Attorney);
        var paralegal = await StaffAsync("paralegal", StaffRoles.Staff);
        await RequestAsync(attorney, LeadStatus.New, s_today);
        await RequestAsync(paralegal, LeadStatus.New, s_today);
        _clock.SetFirmTime(s_today, 7, 0);
        var otherInstance = new AnotherInstanceQueuesFirst(() => _baseFactory.Services);
        using var racing = _baseFactory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.ConfigureSiteDbContext(options => options.AddInterceptors(otherInstance));
        }));

        // The first reminder's save finds the other instance's copy already stored: that one is skipped, the next is queued.
        Assert.Equal(1, await racing.Services.GetRequiredService<FollowUpReminderJob>().RunOnceAsync());

        var reminders = await RemindersAsync();
        Assert.Equal(2, reminders.Count);
        Assert.Equal(otherInstance.QueuedFor, reminders.Single(m => m.Subject == "queued by another instance").DedupeKey);
        Assert.Single(reminders, m => m.DedupeKey == otherInstance.QueuedFor);
    }

    [Fact]
    public async Task BeforeTheHourNothingIsQueued()
    {
        var attorney = await StaffAsync("attorney", StaffRoles.Attorney);
        await RequestAsync(attorney, LeadStatus.New, s_today.AddDays(-1));

        _clock.SetFirmTime(s_today, 6, 59);

        Assert.Equal(0, await RunAsync());
        Assert.Empty(await RemindersAsync());
    }

    [Fact]
    public async Task ADisabledAccountGetsNothing()
    {
        var disabled = await StaffAsync("gone", StaffRoles.Staff);
        await RequestAsync(disabled, LeadStatus.New, s_today);
        await using (var scope = _baseFactory.CreateDbScope())
        {
            var users = scope.Services.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(disabled.Id))!, StaffUser.DisabledLockoutEnd);
        }

        _clock.SetFirmTime(s_today, 7, 0);

        Assert.Equal(0, await RunAsync());
        Assert.Empty(await RemindersAsync());
    }

    [Fact]
    public async Task TheRemindersCanBeTurnedOff()
    {
        using var off = new FollowUpReminderJobTests(new Dictionary<string, string?> { ["Leads:FollowUpReminders"] = "false" });
        var attorney = await off.StaffAsync("attorney", StaffRoles.Attorney);
        await off.RequestAsync(attorney, LeadStatus.New, s_today);
        off._clock.SetFirmTime(s_today, 9, 0);

        Assert.Equal(0, await off.RunAsync());
        Assert.Empty(await off.RemindersAsync());
    }

    [Theory]
    [InlineData("2026-12-14T05:00", 7, 2)]
    [InlineData("2026-12-14T07:00", 7, 24)]
    [InlineData("2026-12-14T08:30", 7, 22.5)]
    [InlineData("2026-12-14T23:00", 6, 7)]
    public void TheNextRunIsAtTheReminderHourOfTheFirmsDay(string firmTime, int hour, double hoursAhead)
    {
        var now = TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(firmTime, System.Globalization.CultureInfo.InvariantCulture), FirmTimeZone.Value);

        Assert.Equal(TimeSpan.FromHours(hoursAhead), FollowUpReminderJob.UntilNextRun(now, hour));
    }

    [Fact]
    public void TheNextRunFollowsTheFirmsClockAcrossADaylightSavingChange()
    {
        // The night the clocks go forward in Dallas (March 14, 2027): 7 a.m. is still 7 a.m. on the firm's clock.
        var now = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2027, 3, 13, 12, 0, 0), FirmTimeZone.Value);

        var next = FirmTimeZone.ToFirmTime(now + FollowUpReminderJob.UntilNextRun(now, 7));

        Assert.Equal(new DateTime(2027, 3, 14, 7, 0, 0), DateTime.SpecifyKind(next, DateTimeKind.Unspecified));
    }

    private Task<int> RunAsync() => _factory.Services.GetRequiredService<FollowUpReminderJob>().RunOnceAsync();

    private FollowUpReminderJob NewJob() => ActivatorUtilities.CreateInstance<FollowUpReminderJob>(_factory.Services);

    private async Task<List<OutboxMessage>> RemindersAsync()
    {
        await using var scope = _baseFactory.CreateDbScope();
        return await scope.Db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKind.FollowUpReminder).OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<StaffUser> StaffAsync(string name, string role) =>
        (await StaffSessions.CreateAsync(_baseFactory, $"{name}.{Guid.NewGuid():N}@pirisite.test", role, withTwoFactor: false)).User;

    private async Task<ConsultationRequest> RequestAsync(StaffUser? assignee, LeadStatus status, DateOnly? followUpOn)
    {
        await using var scope = _baseFactory.CreateDbScope();
        var request = LeadRequests.Make("Ottoline Quillon", status, phone: "(214) 555-0199", email: "ottoline.q@example.com",
            description: "Description marker: detained in Irving.");
        request.AssignTo(assignee?.Id, assignee?.ShownName);
        request.SetFollowUp(followUpOn);
        scope.Db.ConsultationRequests.Add(request);
        await scope.Db.SaveChangesAsync();
        return request;
    }

    /// <summary>
    /// Stands for a second instance of the site: just before this one saves its first reminder (after it checked the
    /// outbox), stores the same reminder itself, through its own DbContext.
    /// </summary>
    private sealed class AnotherInstanceQueuesFirst(Func<IServiceProvider> otherSite) : SaveChangesInterceptor
    {
        private int _done;

        public string? QueuedFor { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var reminder = eventData.Context!.ChangeTracker.Entries<OutboxMessage>()
                .Where(e => e.State == EntityState.Added && e.Entity.Kind == OutboxKind.FollowUpReminder)
                .Select(e => e.Entity).FirstOrDefault();
            if (reminder is not null && Interlocked.Exchange(ref _done, 1) == 0)
            {
                await using var scope = otherSite().CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Kind = OutboxKind.FollowUpReminder,
                    DedupeKey = reminder.DedupeKey,
                    To = reminder.To,
                    Subject = "queued by another instance",
                    TextBody = reminder.TextBody,
                    CreatedAt = reminder.CreatedAt,
                    NextAttemptAt = reminder.NextAttemptAt,
                });
                await db.SaveChangesAsync(cancellationToken);
                QueuedFor = reminder.DedupeKey;
            }

            return result;
        }
    }

    /// <summary>A clock that says exactly the time a test sets.</summary>
    private sealed class SettableClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

        public void SetFirmTime(DateOnly day, int hour, int minute) =>
            _now = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), FirmTimeZone.Value));

        public override DateTimeOffset GetUtcNow() => _now;
    }

    /// <summary>The site with <see cref="SettableClock"/> as its TimeProvider.</summary>
    private sealed class WebApplicationFactoryClock(SiteFactory site, TimeProvider clock) : IDisposable
    {
        private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _factory =
            site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(clock)));

        public IServiceProvider Services => _factory.Services;

        public void Dispose() => _factory.Dispose();
    }
}
