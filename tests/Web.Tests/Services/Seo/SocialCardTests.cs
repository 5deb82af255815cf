using PiriSite.Domain.Content;
using PiriSite.Web.Services.Seo;
using SkiaSharp;

namespace PiriSite.Web.Tests.Services.Seo;

public class SocialCardTests
{
    private static FirmProfile Firm(string phone = "(833) 600-0029", string name = "The Piri Law Firm") => new()
    {
        FirmName = name,
        AttorneyName = "Michael Piri",
        Phone = phone,
        LanguagesSpoken = ["English", "Spanish", "French"],
        ServiceArea = "Dallas–Fort Worth, Texas",
        ConsultationOfferTitle = "24/7 Free 30-Minute Consultation Call",
    };

    [Fact]
    public void TheCardIsAPngOfTheSizeSharedLinksShowLarge()
    {
        using var card = SKBitmap.Decode(SocialCard.Render(Firm()));

        Assert.Equal(SocialCard.Width, card.Width);
        Assert.Equal(SocialCard.Height, card.Height);
    }

    [Fact]
    public void TheFirmsNameIsDrawnWithTheShippedTypeface()
    {
        using var card = SKBitmap.Decode(SocialCard.Render(Firm()));

        // The name's line (below the service area, above the attorney) has white text on the navy ground.
        var white = 0;
        for (var y = 150; y < 260; y++)
        {
            for (var x = 80; x < 1000; x++)
            {
                var pixel = card.GetPixel(x, y);
                white += pixel.Red > 200 && pixel.Green > 200 && pixel.Blue > 200 ? 1 : 0;
            }
        }

        Assert.True(white > 5_000, $"only {white} white pixels where the firm's name should be");
    }

    [Fact]
    public void AnEditedPhoneNumberShowsOnTheCard()
    {
        Assert.NotEqual(SocialCard.Render(Firm()), SocialCard.Render(Firm(phone: "(214) 555-0100")));
    }

    [Fact]
    public void ANameTooLongForOneLineStillFitsTheCard()
    {
        var name = "The Law Offices of a Firm Whose Name Goes On Far Longer Than Any Card Could Hold";

        using var card = SKBitmap.Decode(SocialCard.Render(Firm(name: name)));

        // Nothing is drawn in the right margin: the line was shortened, not cut off at the edge.
        for (var y = 0; y < SocialCard.Height - 170; y++)
        {
            for (var x = SocialCard.Width - 40; x < SocialCard.Width; x++)
            {
                Assert.Equal(SKColor.Parse("#14284b"), card.GetPixel(x, y));
            }
        }
    }
}
