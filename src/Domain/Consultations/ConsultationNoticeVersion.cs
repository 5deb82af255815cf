using PiriSite.Domain.Content;

namespace PiriSite.Domain.Consultations;

/// <summary>
/// One version of the notice a person must acknowledge before sending a request (the prospective-client notice of
/// Texas Rule 1.18), in one language, worded by the Attorney. Versions are numbered per language (1, 2, 3…) and never
/// change once written: a change of wording is a new version, and each request keeps a reference to the version it
/// accepted, so a later change never rewrites what someone agreed to. The current version of a language is its
/// highest number.
/// </summary>
public class ConsultationNoticeVersion
{
    public const int TextMaxLength = 2000;
    public const int CheckboxLabelMaxLength = 300;
    public const int CreatedByNameMaxLength = 256;

    public int Id { get; set; }

    public string Culture { get; private set; } = "";

    /// <summary>1 for a language's first notice, then one more for each change of its wording.</summary>
    public int Number { get; private set; }

    public string Text { get; private set; } = "";

    public string CheckboxLabel { get; private set; } = "";

    /// <summary>When it came into force (UTC): the moment it was saved.</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>Who wrote it, as they were named then ("Seed" for the texts the site was installed with).</summary>
    public string CreatedByName { get; private set; } = "";

    /// <summary>What is wrong with a wording, field by field (Text, CheckboxLabel); empty when it may be saved.</summary>
    public static IReadOnlyList<FieldError> Validate(string? text, string? checkboxLabel)
    {
        var errors = new List<FieldError>();
        var cleanText = Clean(text);
        var cleanLabel = Clean(checkboxLabel);
        if (cleanText.Length == 0)
        {
            errors.Add(new(nameof(Text), "Write the notice: a request cannot be sent without it."));
        }
        else if (cleanText.Length > TextMaxLength)
        {
            errors.Add(new(nameof(Text), $"Shorten the notice to {TextMaxLength:N0} characters or fewer (it has {cleanText.Length:N0})."));
        }

        if (cleanLabel.Length == 0)
        {
            errors.Add(new(nameof(CheckboxLabel), "Write the words of the box the person ticks to accept the notice."));
        }
        else if (cleanLabel.Length > CheckboxLabelMaxLength)
        {
            errors.Add(new(nameof(CheckboxLabel), $"Shorten the box's words to {CheckboxLabelMaxLength:N0} characters or fewer (they have {cleanLabel.Length:N0})."));
        }
        else if (cleanLabel.Contains('\n', StringComparison.Ordinal))
        {
            errors.Add(new(nameof(CheckboxLabel), "Keep the box's words to one line."));
        }

        return errors;
    }

    /// <summary>A language's first notice.</summary>
    public static ConsultationNoticeVersion First(string culture, string text, string checkboxLabel, DateTime createdAt, string createdByName) =>
        Make(culture, 1, text, checkboxLabel, createdAt, createdByName);

    /// <summary>
    /// The version that follows <paramref name="current"/> with the new wording; null when the wording is the same
    /// (spaces at the ends and line endings aside), since an unchanged text is not a new version.
    /// </summary>
    public ConsultationNoticeVersion? Next(string text, string checkboxLabel, DateTime createdAt, string createdByName) =>
        HasWording(text, checkboxLabel) ? null : Make(Culture, Number + 1, text, checkboxLabel, createdAt, createdByName);

    /// <summary>Whether this version says exactly <paramref name="text"/> with <paramref name="checkboxLabel"/>.</summary>
    public bool HasWording(string? text, string? checkboxLabel) =>
        string.Equals(Text, Clean(text), StringComparison.Ordinal)
        && string.Equals(CheckboxLabel, Clean(checkboxLabel), StringComparison.Ordinal);

    private static ConsultationNoticeVersion Make(
        string culture, int number, string text, string checkboxLabel, DateTime createdAt, string createdByName)
    {
        if (!SiteCulture.IsSupported(culture))
        {
            throw new ArgumentException($"The site has no language \"{culture}\".", nameof(culture));
        }

        if (Validate(text, checkboxLabel) is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => e.Message)), nameof(text));
        }

        var by = (createdByName ?? "").Trim();
        return new ConsultationNoticeVersion
        {
            Culture = culture,
            Number = number,
            Text = Clean(text),
            CheckboxLabel = Clean(checkboxLabel),
            CreatedAt = createdAt,
            CreatedByName = by.Length > CreatedByNameMaxLength ? by[..CreatedByNameMaxLength] : by,
        };
    }

    // What is stored is what the person reads: one kind of line ending, no spaces around it.
    private static string Clean(string? value) => (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
