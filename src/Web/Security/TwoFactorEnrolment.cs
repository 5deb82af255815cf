using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;

namespace PiriSite.Web.Security;

/// <summary>
/// Replacing an enabled authenticator: the new key waits (encrypted, as a token of its own) until the person proves
/// with a code from it that their app has it; until then the old key keeps working, so an abandoned or hijacked
/// attempt never leaves the account without its second factor.
/// </summary>
public sealed class TwoFactorEnrolment(UserManager<StaffUser> users, IUserStore<StaffUser> store, TimeProvider clock)
{
    // Identity accepts codes up to two 30-second steps either side of now; the same here.
    private const int AllowedStepsEitherSide = 2;

    public async Task<string> StartNewKeyAsync(StaffUser user)
    {
        var key = users.GenerateNewAuthenticatorKey();
        await users.SetAuthenticationTokenAsync(user, StaffTokenProtector.SiteLoginProvider, StaffTokenProtector.PendingAuthenticatorKeyName, key);
        return key;
    }

    public Task<string?> PendingKeyAsync(StaffUser user) =>
        users.GetAuthenticationTokenAsync(user, StaffTokenProtector.SiteLoginProvider, StaffTokenProtector.PendingAuthenticatorKeyName);

    /// <summary>Makes the waiting key the account's authenticator key if the code comes from it.</summary>
    public async Task<bool> ConfirmNewKeyAsync(StaffUser user, string code)
    {
        ArgumentNullException.ThrowIfNull(user);
        var pending = await PendingKeyAsync(user);
        if (pending is null || !CodeMatches(pending, code, clock.GetUtcNow()))
        {
            return false;
        }

        if (store is not IUserAuthenticatorKeyStore<StaffUser> keys)
        {
            throw new InvalidOperationException("The user store keeps no authenticator keys.");
        }

        await keys.SetAuthenticatorKeyAsync(user, pending, CancellationToken.None);
        // Saves the key with the user, and a new security stamp ends the account's other sessions.
        await users.UpdateSecurityStampAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, StaffTokenProtector.SiteLoginProvider, StaffTokenProtector.PendingAuthenticatorKeyName);
        return true;
    }

    /// <summary>RFC 6238: HMAC-SHA1 over the 30-second step, six digits, as authenticator apps compute.</summary>
    public static bool CodeMatches(string base32Key, string code, DateTimeOffset now)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var key = Base32Decode(base32Key);
        var step = now.ToUnixTimeSeconds() / 30;
        var matched = false;
        for (var offset = -AllowedStepsEitherSide; offset <= AllowedStepsEitherSide; offset++)
        {
            // Every step is computed and compared in constant time, so the time taken says nothing about the code.
            matched |= CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(CodeAt(key, step + offset)), System.Text.Encoding.ASCII.GetBytes(code));
        }

        return matched;
    }

    private static string CodeAt(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // TOTP (RFC 6238) is defined on HMAC-SHA1; it is what authenticator apps compute.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in input.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
