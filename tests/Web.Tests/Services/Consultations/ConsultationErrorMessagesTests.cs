using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Localization;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Services.Consultations;

public class ConsultationErrorMessagesTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    public static TheoryData<ConsultationErrorCode, string> EveryCodeInEveryLanguage()
    {
        var data = new TheoryData<ConsultationErrorCode, string>();
        foreach (var code in Enum.GetValues<ConsultationErrorCode>())
        {
            foreach (var culture in new[] { "en-US", "es-US", "fr-FR" })
            {
                data.Add(code, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCodeInEveryLanguage))]
    public void EveryValidatorCodeHasAMessageInEveryLanguage(ConsultationErrorCode code, string cultureName)
    {
        var localizer = factory.Services.GetRequiredService<IStringLocalizer<ConsultationResource>>();
        var key = ConsultationErrorMessages.KeyFor(code);

        var message = InCulture(cultureName, () => localizer[key]);

        Assert.False(message.ResourceNotFound, $"No {cultureName} text for {code} (\"{key}\").");
        Assert.False(string.IsNullOrWhiteSpace(message.Value));
        if (!cultureName.StartsWith("en", StringComparison.Ordinal))
        {
            Assert.NotEqual(key, message.Value); // translated, not the English text filed again
        }
    }

    [Fact]
    public void EveryCodeHasItsOwnMessage()
    {
        var keys = Enum.GetValues<ConsultationErrorCode>().Select(ConsultationErrorMessages.KeyFor).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("en-US", "Please shorten this to 1,000 characters or fewer (it has 1,234).")]
    [InlineData("es-US", "1,000")]
    [InlineData("fr-FR", "1\u202F000")]
    public void TheNumbersOfAMessageAreWrittenThePageLanguageWay(string cultureName, string expected)
    {
        var localizer = factory.Services.GetRequiredService<IStringLocalizer<ConsultationResource>>();

        var message = InCulture(cultureName, () => localizer.Localize(new ConsultationError(ConsultationErrorCode.TooLong, 1000, 1234)));

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    private static T InCulture<T>(string cultureName, Func<T> read)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(cultureName);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
