using SkiaSharp;

namespace PiriSite.Web.Services.Seo;

/// <summary>
/// The picture a shared link shows (Open Graph and Twitter cards: WhatsApp, Facebook, iMessage, X): the firm's name,
/// its attorney and languages, the free consultation and the phone number, drawn from the firm profile, so an edit
/// to the profile shows on the next share. 1200 × 630 PNG, the size those services show large. One per language,
/// from that language's profile (its consultation offer) with the card's own words in that language.
/// </summary>
public static class SocialCard
{
    /// <summary>The card's own words in its language: the line above the name and the attorney's line.</summary>
    public sealed record Text(string TopLine, string AttorneyLine);
    /// <summary>Its address below the site's root, named once for the route and the pages' tags.</summary>
    public const string FileName = "social-card.png";

    public const int Width = 1200;
    public const int Height = 630;

    // The site's colours (wwwroot/css/site.css: --navy, --navy-soft, --gold).
    private static readonly SKColor s_navy = SKColor.Parse("#14284b");
    private static readonly SKColor s_navySoft = SKColor.Parse("#1d3a6b");
    private static readonly SKColor s_gold = SKColor.Parse("#e0b25a");
    private static readonly SKColor s_text = SKColor.Parse("#e8edf5");

    // Shipped with the app (Assets/Fonts, DejaVu licence beside them): a server image usually has no fonts at all.
    private static readonly SKTypeface s_serifBold = LoadFont("DejaVuSerif-Bold.ttf");
    private static readonly SKTypeface s_serif = LoadFont("DejaVuSerif.ttf");

    private const float Margin = 80;

    /// <summary>The English card's words, as <see cref="Texts"/> gives them without a translation.</summary>
    public static byte[] Render(FirmProfile firm) => Render(firm, Texts(firm, (format, args) => string.Format(
        System.Globalization.CultureInfo.InvariantCulture, format, args), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The card's words for a profile: <paramref name="translate"/> turns a key and its arguments into the
    /// language's text (the localizer); the top line is upper-cased by that language's rules.
    /// </summary>
    public static Text Texts(FirmProfile firm, Func<string, object[], string> translate, System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(firm);
        ArgumentNullException.ThrowIfNull(translate);
        var top = string.IsNullOrWhiteSpace(firm.ServiceArea) ? "" : translate("Immigration law · {0}", [firm.ServiceArea]).ToUpper(culture);
        var attorney = firm.LanguagesSpoken.Count > 0
            ? translate("Attorney {0} · {1}", [firm.AttorneyName, string.Join(", ", firm.LanguagesSpoken)])
            : translate("Attorney {0}", [firm.AttorneyName]);
        return new Text(top, attorney);
    }

    public static byte[] Render(FirmProfile firm, Text text)
    {
        ArgumentNullException.ThrowIfNull(firm);
        ArgumentNullException.ThrowIfNull(text);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(s_navy);
        using (var band = new SKPaint { Color = s_navySoft })
        {
            canvas.DrawRect(0, Height - 170, Width, 170, band);
        }

        using (var accent = new SKPaint { Color = s_gold })
        {
            canvas.DrawRect(0, 0, 16, Height, accent);
        }

        var top = 120f;
        DrawLine(canvas, text.TopLine, s_serif, 28, s_gold, top);

        // The name as large as fits on one line, from 96 px down to 56 px.
        var nameSize = 96f;
        while (nameSize > 56 && Measure(firm.FirmName, s_serifBold, nameSize) > Width - 2 * Margin)
        {
            nameSize -= 4;
        }

        DrawLine(canvas, firm.FirmName, s_serifBold, nameSize, SKColors.White, top + 20 + nameSize);

        DrawLine(canvas, text.AttorneyLine, s_serif, 36, s_text, top + 110 + nameSize);

        DrawLine(canvas, firm.ConsultationOfferTitle, s_serif, 34, s_text, Height - 105);
        DrawLine(canvas, firm.Phone, s_serifBold, 52, s_gold, Height - 40);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawLine(SKCanvas canvas, string text, SKTypeface typeface, float size, SKColor color, float baseline)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        using var font = new SKFont(typeface, size);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        // A line too long for the card is shortened with an ellipsis rather than drawn off its edge.
        var line = text;
        while (line.Length > 1 && font.MeasureText(line) > Width - 2 * Margin)
        {
            line = string.Concat(line.AsSpan(0, line.Length - 2).TrimEnd(), "…");
        }

        canvas.DrawText(line, Margin, baseline, SKTextAlign.Left, font, paint);
    }

    private static float Measure(string text, SKTypeface typeface, float size)
    {
        using var font = new SKFont(typeface, size);
        return font.MeasureText(text);
    }

    private static SKTypeface LoadFont(string file)
    {
        using var stream = typeof(SocialCard).Assembly.GetManifestResourceStream($"PiriSite.Web.Assets.Fonts.{file}")
            ?? throw new InvalidOperationException($"The font {file} is not embedded in the app.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"The font {file} could not be read.");
    }
}
