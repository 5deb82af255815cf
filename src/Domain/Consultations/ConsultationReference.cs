using System.Security.Cryptography;

namespace PiriSite.Domain.Consultations;

/// <summary>
/// The short reference a person is given, such as "PR-7K3Q9D": easy to read out on the phone, with no
/// letters or digits that look alike (0/O, 1/I/L), and random so it reveals nothing about the firm's volume.
/// </summary>
public static class ConsultationReference
{
    public const string Prefix = "PR-";
    public const int CodeLength = 6;
    public const int Length = 9;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string Generate()
    {
        Span<char> code = stackalloc char[CodeLength];
        for (var i = 0; i < CodeLength; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Prefix + new string(code);
    }

    public static bool IsValid(string? reference) =>
        reference is { Length: Length }
        && reference.StartsWith(Prefix, StringComparison.Ordinal)
        && reference[Prefix.Length..].All(Alphabet.Contains);
}
