namespace PiriSite.Web.Services.Seo;

/// <summary>
/// The social card's PNG, drawn once per version of what it shows. The page cache keeps a copy per coding and
/// loses it at every eviction (any content save), and drawing with SkiaSharp costs far more than a page: the
/// bytes are kept here until the firm's name, attorney, languages, area, offer or phone change.
/// </summary>
public sealed class SocialCardCache
{
    private readonly Lock _drawing = new();
    private Entry? _current;
    private int _drawCount;

    /// <summary>How many times the card has been drawn since start (read by the tests).</summary>
    internal int DrawCount => Volatile.Read(ref _drawCount);

    public byte[] Get(FirmProfile firm)
    {
        ArgumentNullException.ThrowIfNull(firm);
        var key = Key(firm);
        var current = Volatile.Read(ref _current);
        if (current?.Key == key)
        {
            return current.Png;
        }

        // One drawing at a time: a burst of requests after an edit draws the new card once, not once each.
        lock (_drawing)
        {
            current = _current;
            if (current?.Key != key)
            {
                current = new Entry(key, SocialCard.Render(firm));
                Interlocked.Increment(ref _drawCount);
                Volatile.Write(ref _current, current);
            }

            return current.Png;
        }
    }

    // Exactly what SocialCard.Render reads, so an edit to anything drawn makes a new card and nothing else does.
    private static string Key(FirmProfile firm) => string.Join('\u001f',
        firm.Culture, firm.FirmName, firm.AttorneyName, string.Join('\u001e', firm.LanguagesSpoken), firm.ServiceArea,
        firm.ConsultationOfferTitle, firm.Phone);

    private sealed record Entry(string Key, byte[] Png);
}
