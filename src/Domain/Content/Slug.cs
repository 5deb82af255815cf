using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PiriSite.Domain.Content;

/// <summary>
/// The rules for the last segment of a public URL: lower-case ASCII letters and digits in words joined by single hyphens.
/// </summary>
public static partial class Slug
{
    public const int MaxLength = 100;

    [GeneratedRegex(@"\A[a-z0-9]+(?:-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValidPattern();

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && ValidPattern().IsMatch(slug);

    /// <summary>Makes a valid slug from a title: "K-1 Fiancé(e) Visa" becomes "k-1-fiancee-visa".</summary>
    public static string FromTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);

        // Decompose accented letters so "é" keeps its "e" and loses the accent.
        var decomposed = title.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;

        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else if (c is not '\'' and not '’' and not '(' and not ')')
            {
                // Apostrophes and parentheses vanish ("fiancé(e)" is one word); anything else separates words.
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }

        return slug;
    }
}
