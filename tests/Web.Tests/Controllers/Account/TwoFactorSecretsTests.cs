using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers.Account;

/// <summary>
/// An enabled authenticator key is never shown again; replacing it or getting new recovery codes needs the password;
/// the key and the recovery codes are encrypted in the database and still work.
/// </summary>
public partial class TwoFactorSecretsTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private const string WrongPassword = "this is not the password at all";

    [Fact]
    public async Task AnEnabledKeyIsNeverInAnyResponseOfTheTwoFactorPage()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "nokey@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, user.Email!, key);

        var responses = new List<string>();
        using var get = await client.GetAsync("/account/two-factor");
        responses.Add(await get.Content.ReadAsStringAsync());
        responses.Add(await ReadAsync(await PostAsync(client, "/account/two-factor", new() { ["Code"] = Totp.Code(key) })));
        responses.Add(await ReadAsync(await PostAsync(client, "/account/two-factor", new() { ["Code"] = "000000" })));
        responses.Add(await ReadAsync(await PostAsync(client, "/account/two-factor/new-key", new() { ["CurrentPassword"] = WrongPassword })));
        responses.Add(await ReadAsync(await PostAsync(client, "/account/two-factor/recovery-codes", new() { ["CurrentPassword"] = WrongPassword })));
        responses.Add(await ReadAsync(await PostAsync(client, "/account/two-factor/new-key/confirm", new() { ["Code"] = Totp.Code(key) })));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("Two-factor sign-in is on", responses[0], StringComparison.Ordinal);
        Assert.All(responses, html =>
        {
            Assert.DoesNotContain(key, html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Grouped(key), html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("shared-key", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AnAuthenticatorCodeAloneNoLongerGivesNewRecoveryCodes()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "codeonly@pirisite.test", StaffRoles.Staff);
        await RecoveryCodesAsync(user, generate: true);
        var codesBefore = await StoredTokenAsync(user, "RecoveryCodes");
        using var client = await StaffSessions.SignInAsync(factory, user.Email!, key);

        using var response = await PostAsync(client, "/account/two-factor", new() { ["Code"] = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(CodesIn(await response.Content.ReadAsStringAsync()));
        Assert.Equal(codesBefore, await StoredTokenAsync(user, "RecoveryCodes"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(WrongPassword)]
    public async Task NewRecoveryCodesWithoutTheRightPasswordAreRefused(string password)
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, $"codes{password.Length}@pirisite.test", StaffRoles.Staff);
        await RecoveryCodesAsync(user, generate: true);
        var before = await StoredTokenAsync(user, "RecoveryCodes");
        using var client = await StaffSessions.SignInAsync(factory, user.Email!, key);

        var html = await ReadAsync(await PostAsync(client, "/account/two-factor/recovery-codes", new() { ["CurrentPassword"] = password }));

        Assert.Contains("Your current password is not right", html, StringComparison.Ordinal);
        Assert.Empty(CodesIn(html));
        Assert.DoesNotContain(WrongPassword, html, StringComparison.Ordinal);
        Assert.Equal(before, await StoredTokenAsync(user, "RecoveryCodes"));
    }

    [Fact]
    public async Task NewRecoveryCodesWithThePasswordReplaceTheOldOnesAndSignIn()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "newcodes@pirisite.test", StaffRoles.Staff);
        var oldCodes = await RecoveryCodesAsync(user, generate: true);
        using var client = await StaffSessions.SignInAsync(factory, user.Email!, key);

        var html = await ReadAsync(await PostAsync(client, "/account/two-factor/recovery-codes", new() { ["CurrentPassword"] = StaffSessions.Password }));
        var newCodes = CodesIn(html);

        Assert.Equal(10, newCodes.Count);
        Assert.Equal(HttpStatusCode.OK, (await SignInWithRecoveryCodeAsync(user, oldCodes.Split(';')[0])).StatusCode); // refused: the page again
        Assert.Equal("/admin", (await SignInWithRecoveryCodeAsync(user, newCodes[0])).Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("")]
    [InlineData(WrongPassword)]
    public async Task ANewAuthenticatorWithoutTheRightPasswordIsRefused(string password)
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, $"rekey{password.Length}@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, user.Email!, key);

        var html = await ReadAsync(await PostAsync(client, "/account/two-factor/new-key", new() { ["CurrentPassword"] = password }));

        Assert.Contains("Your current password is not right", html, StringComparison.Ordinal);
        Assert.DoesNotContain("shared-key", html, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, html, StringComparison.Ordinal);
        Assert.Null(await StoredTokenAsync(user, StaffTokenProtector.PendingAuthenticatorKeyName, StaffTokenProtector.SiteLoginProvider));
        Assert.Equal(key, await AuthenticatorKeyAsync(user));
    }

    [Fact]
    public async Task ANewAuthenticatorWithThePasswordReplacesTheOldOneOnlyOnceACodeFromItIsEntered()
    {
        var (user, oldKey) = await StaffSessions.CreateAsync(factory, "rekey@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, user.Email!, oldKey);

        var setup = await ReadAsync(await PostAsync(client, "/account/two-factor/new-key", new() { ["CurrentPassword"] = StaffSessions.Password }));
        var newKey = SharedKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEqual("", newKey);
        Assert.NotEqual(oldKey, newKey);

        // Until confirmed, the old app still signs in; a wrong code does not show the new key again.
        using (var other = await StaffSessions.SignInAsync(factory, user.Email!, oldKey))
        {
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/admin")).StatusCode);
        }

        var wrong = await ReadAsync(await PostAsync(client, "/account/two-factor/new-key/confirm", new() { ["Code"] = Totp.Code(oldKey) }));
        Assert.Contains("That code is not right", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain(newKey, wrong, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Grouped(newKey), wrong, StringComparison.OrdinalIgnoreCase);

        using var confirmed = await PostAsync(client, "/account/two-factor/new-key/confirm", new() { ["Code"] = Totp.Code(newKey) });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        Assert.Equal(newKey, await AuthenticatorKeyAsync(user));
        Assert.Null(await StoredTokenAsync(user, StaffTokenProtector.PendingAuthenticatorKeyName, StaffTokenProtector.SiteLoginProvider));
        using var withNew = await StaffSessions.SignInAsync(factory, user.Email!, newKey);
        Assert.Equal(HttpStatusCode.OK, (await withNew.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task TheKeyAndRecoveryCodesAreEncryptedInTheDatabaseAndStillSignIn()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "atrest@pirisite.test", StaffRoles.Staff);
        var codes = (await RecoveryCodesAsync(user, generate: true)).Split(';');

        var rows = await TokenRowsAsync(user);

        Assert.Contains(rows, r => r.Name == "AuthenticatorKey");
        Assert.Contains(rows, r => r.Name == "RecoveryCodes");
        Assert.All(rows, r =>
        {
            Assert.StartsWith("dp1:", r.Value, StringComparison.Ordinal);
            Assert.DoesNotContain(key, r.Value, StringComparison.OrdinalIgnoreCase);
            Assert.All(codes, code => Assert.DoesNotContain(code, r.Value, StringComparison.OrdinalIgnoreCase));
        });
        using var withTotp = await StaffSessions.SignInAsync(factory, user.Email!, key);
        Assert.Equal(HttpStatusCode.OK, (await withTotp.GetAsync("/admin")).StatusCode);
        Assert.Equal("/admin", (await SignInWithRecoveryCodeAsync(user, codes[3])).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PlainTextSecretsFromBeforeStillWorkAndTheInitialiserEncryptsThem()
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, "legacy@pirisite.test", StaffRoles.Staff);
        const string plainCodes = "ABCDE-23456;FGHJK-78923;LMNPQ-34567";
        await using (var connection = await OpenDatabaseAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE "AspNetUserTokens" SET "Value" = @key WHERE "UserId" = @id AND "Name" = 'AuthenticatorKey';
                DELETE FROM "AspNetUserTokens" WHERE "UserId" = @id AND "LoginProvider" = '[AspNetUserStore]' AND "Name" = 'RecoveryCodes';
                INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value") VALUES (@id, '[AspNetUserStore]', 'RecoveryCodes', @codes);
                """;
            command.AddParameter("key", key);
            command.AddParameter("id", user.Id);
            command.AddParameter("codes", plainCodes);
            await command.ExecuteNonQueryAsync();
        }

        using (var before = await StaffSessions.SignInAsync(factory, user.Email!, key))
        {
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/admin")).StatusCode);
        }

        await using (var scope = factory.CreateDbScope())
        {
            await scope.Services.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();
        }

        var rows = await TokenRowsAsync(user);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.StartsWith("dp1:", r.Value, StringComparison.Ordinal);
            Assert.DoesNotContain(key, r.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ABCDE-23456", r.Value, StringComparison.Ordinal);
        });
        using var after = await StaffSessions.SignInAsync(factory, user.Email!, key);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/admin")).StatusCode);
        Assert.Equal("/admin", (await SignInWithRecoveryCodeAsync(user, "FGHJK-78923")).Headers.Location?.OriginalString);
    }

    private static string Grouped(string key) =>
        string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();

    private static List<string> CodesIn(string html) =>
        [.. RecoveryCode().Matches(html).Select(m => m.Groups[1].Value)];

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return await response.Content.ReadAsStringAsync();
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync("/account/password");
        fields["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(StaffUser user, string code)
    {
        var client = StaffSessions.NewClient(factory);
        await StaffSessions.PostLoginAsync(client, user.Email!, StaffSessions.Password);
        var page = await client.GetStringAsync("/account/two-factor-code?recovery=true");
        return await client.PostAsync("/account/two-factor-code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
            ["Code"] = code,
            ["UseRecoveryCode"] = "true",
        }));
    }

    private async Task<string> RecoveryCodesAsync(StaffUser user, bool generate)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var fresh = (await users.FindByIdAsync(user.Id))!;
        return generate ? string.Join(';', (await users.GenerateNewTwoFactorRecoveryCodesAsync(fresh, 10))!) : "";
    }

    private async Task<string?> AuthenticatorKeyAsync(StaffUser user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id))!);
    }

    /// <summary>A token's value as stored, read straight from the table.</summary>
    private async Task<string?> StoredTokenAsync(StaffUser user, string name, string provider = StaffTokenProtector.IdentityLoginProvider) =>
        (await TokenRowsAsync(user)).SingleOrDefault(r => r.Name == name && r.Provider == provider)?.Value;

    private async Task<List<TokenRow>> TokenRowsAsync(StaffUser user)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "LoginProvider", "Name", "Value" FROM "AspNetUserTokens" WHERE "UserId" = @id""";
        command.AddParameter("id", user.Id);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<TokenRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new TokenRow(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private Task<DbConnection> OpenDatabaseAsync() => factory.OpenDatabaseAsync();

    private sealed record TokenRow(string Provider, string Name, string Value);

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("id=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKey();
}
