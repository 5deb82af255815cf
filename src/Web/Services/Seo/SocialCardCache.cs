using System.Collections.Concurrent;

namespace PiriSite.Web.Services.Seo;

/// <summary>
/// The social card's PNG in each language, drawn once per version of what it shows. The page cache keeps a copy per
/// coding and loses it at every eviction (any content save), and drawing with SkiaSharp costs far more than a page:
/// the bytes are kept here until the firm's name, attorney, languages, area, offer, phone or the card's words in
/// that language change.
/// </summary>
public sealed class SocialCardCache
{
    private readonly Lock _drawing = new();
    private readonly ConcurrentDictionary<string, Entry> _current = new(StringComparer.Ordinal);
    private int _drawCount;

    /// <summary>How many times a card has been drawn since start (read by the tests).</summary>
    internal int DrawCount => Volatile.Read(ref _drawCount);

    /// <summary>The English card, with its English words.</summary>
    public byte[] Get(FirmProfile firm) => Get(firm, SocialCard.Texts(firm, (format, args) => string.Format(
        System.Globalization.CultureInfo.InvariantCulture, format, args), System.Globalization.CultureInfo.InvariantCulture));

    public byte[] Get(FirmProfile firm, SocialCard.Text text)
    {
        ArgumentNullException.ThrowIfNull(firm);
        ArgumentNullException.ThrowIfNull(text);
        var key = Key(firm, text);
        if (_current.TryGetValue(firm.Culture, out var current) && current.Key == key)
        {
            return current.Png;
        }

        // One drawing at a time: a burst of requests after an edit draws the new card once, not once each.
        lock (_drawing)
        {
            if (!_current.TryGetValue(firm.Culture, out current) || current.Key != key)
            {
                current = new Entry(key, SocialCard.Render(firm, text));
                Interlocked.Increment(ref _drawCount);
                _current[firm.Culture] = current;
            }

            return current.Png;
        }
    }

    // Exactly what SocialCard.Render reads, so an edit to anything drawn makes a new card and nothing else does.
    private static string Key(FirmProfile firm, SocialCard.Text text) => string.Join('\u001f',
        firm.Culture, firm.FirmName, firm.AttorneyName, string.Join('\u001e', firm.LanguagesSpoken), firm.ServiceArea,
        firm.ConsultationOfferTitle, firm.Phone, text.TopLine, text.AttorneyLine);

    private sealed record Entry(string Key, byte[] Png);
}
