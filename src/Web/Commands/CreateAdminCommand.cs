using Microsoft.AspNetCore.Identity;
using PiriSite.Data;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;

namespace PiriSite.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/Web -- create-admin --email ADDRESS [--name "FULL NAME"]</c>: creates an
/// Attorney account, reading the password from standard input (typed without echo, or piped), so it never
/// appears in the shell history or the process list.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var email = Option(args, "--email");
        var name = Option(args, "--name");
        if (string.IsNullOrWhiteSpace(email))
        {
            await output.WriteLineAsync("Usage: create-admin --email ADDRESS [--name \"FULL NAME\"]  (the password is read from standard input)");
            return 2;
        }

        await output.WriteAsync($"Password for {email} ({PasswordRules.MinimumLength} to {PasswordRules.MaximumLength} characters): ");
        var password = ReadPassword(input);
        await output.WriteLineAsync();

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        name ??= await StaffAccounts.FirmAttorneyNameAsync(scope.ServiceProvider.GetRequiredService<SiteDbContext>()) ?? email;
        var result = await StaffAccounts.CreateAsync(users, email, name, password ?? "", StaffRoles.Attorney);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync("The account was not created:");
            foreach (var error in result.Errors)
            {
                await output.WriteLineAsync($"  - {error}");
            }

            return 1;
        }

        await output.WriteLineAsync($"Created Attorney account {email}. Sign in at /account/login and set up two-factor sign-in.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string? ReadPassword(TextReader input)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return input.ReadLine();
        }

        // Typed at a terminal: read key by key without echoing the password.
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
