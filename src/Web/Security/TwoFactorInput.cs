namespace PiriSite.Web.Security;

/// <summary>Codes as people type them, made into what Identity checks.</summary>
public static class TwoFactorInput
{
    // Apps show codes as "123 456"; people type them with spaces, dashes or dots.
    public static string AuthenticatorCode(string? typed) => new((typed ?? "").Where(char.IsAsciiDigit).ToArray());

    // Recovery codes are issued as "XXXXX-XXXXX"; accept them typed without the dash, in any case, with spaces.
    public static string RecoveryCode(string? typed)
    {
        var code = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return code.Length == 10 && !code.Contains('-', StringComparison.Ordinal) ? $"{code[..5]}-{code[5..]}" : code;
    }
}
