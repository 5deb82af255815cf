using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PiriSite.Data;
using PiriSite.Domain.Content;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Extensions;
using PiriSite.Web.Services;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// The firm's profile: name, attorney, phone, offer and the legal notices. Attorney only, because the
/// disclaimers and the advertising notice are the responsible attorney's to word.
/// </summary>
[Route("admin/firm")]
[Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
public sealed class FirmProfileController(
    SiteDbContext db, AuditLog audit, MarkdownRenderer markdown, PublicPageCache pageCache, TimeProvider clock) : AdminController
{
    private static readonly char[] s_lineBreaks = ['\r', '\n'];

    [HttpGet("")]
    public async Task<IActionResult> Edit()
    {
        var firm = await db.FirmProfiles.AsNoTracking().SingleAsync(f => f.Culture == SiteCulture.English);
        return View(new FirmProfileForm
        {
            FirmName = firm.FirmName,
            AttorneyName = firm.AttorneyName,
            Phone = firm.Phone,
            LanguagesSpoken = string.Join(", ", firm.LanguagesSpoken),
            ServiceArea = firm.ServiceArea,
            ConsultationOfferTitle = firm.ConsultationOfferTitle,
            ConsultationOfferText = firm.ConsultationOfferText,
            WhyChooseUs = string.Join('\n', firm.WhyChooseUs),
            PracticeAreasTitle = firm.PracticeAreasTitle,
            PracticeAreasTagline = firm.PracticeAreasTagline,
            PracticeAreasIntro = firm.PracticeAreasIntro,
            AdvertisingDisclaimer = firm.AdvertisingDisclaimer,
            LegalInformationNotice = firm.LegalInformationNotice,
            AboutMarkdown = firm.AboutMarkdown,
            DisclaimerMarkdown = firm.DisclaimerMarkdown,
            PrivacyMarkdown = firm.PrivacyMarkdown,
            Version = firm.Version,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(FirmProfileForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        Require(nameof(form.FirmName), form.FirmName, "the firm's name", FirmProfile.ShortTextMaxLength);
        Require(nameof(form.AttorneyName), form.AttorneyName, "the responsible attorney's name", FirmProfile.ShortTextMaxLength);
        Require(nameof(form.Phone), form.Phone, "the phone number", 40);
        if (form.Phone is { } phone && phone.Count(char.IsAsciiDigit) is < 10 or > 15)
        {
            ModelState.AddModelError(nameof(form.Phone), "Enter the phone number with its area code, such as (833) 600-0029.");
        }

        foreach (var (field, value, max) in new[]
        {
            (nameof(form.ServiceArea), form.ServiceArea, FirmProfile.ShortTextMaxLength),
            (nameof(form.ConsultationOfferTitle), form.ConsultationOfferTitle, FirmProfile.ShortTextMaxLength),
            (nameof(form.ConsultationOfferText), form.ConsultationOfferText, FirmProfile.LongTextMaxLength),
            (nameof(form.PracticeAreasTitle), form.PracticeAreasTitle, FirmProfile.ShortTextMaxLength),
            (nameof(form.PracticeAreasTagline), form.PracticeAreasTagline, FirmProfile.ShortTextMaxLength),
            (nameof(form.PracticeAreasIntro), form.PracticeAreasIntro, FirmProfile.LongTextMaxLength),
            (nameof(form.AdvertisingDisclaimer), form.AdvertisingDisclaimer, FirmProfile.LongTextMaxLength),
            (nameof(form.LegalInformationNotice), form.LegalInformationNotice, FirmProfile.LongTextMaxLength),
            (nameof(form.AboutMarkdown), form.AboutMarkdown, FirmProfile.PageMaxLength),
            (nameof(form.DisclaimerMarkdown), form.DisclaimerMarkdown, FirmProfile.PageMaxLength),
            (nameof(form.PrivacyMarkdown), form.PrivacyMarkdown, FirmProfile.PageMaxLength),
        })
        {
            if ((value?.Length ?? 0) > max)
            {
                ModelState.AddModelError(field, $"Shorten this to {max:N0} characters or fewer.");
            }
        }

        var firm = await db.FirmProfiles.SingleAsync(f => f.Culture == SiteCulture.English);
        if (firm.Version != form.Version)
        {
            ModelState.AddModelError("", "Someone else saved the profile while you were editing it, so your changes were not saved. Your text is below: copy what you need, then reload the page.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Edit), form);
        }

        firm.FirmName = form.FirmName!.Trim();
        firm.AttorneyName = form.AttorneyName!.Trim();
        firm.Phone = form.Phone!.Trim();
        firm.LanguagesSpoken = Split(form.LanguagesSpoken, [',']);
        firm.ServiceArea = Trim(form.ServiceArea);
        firm.ConsultationOfferTitle = Trim(form.ConsultationOfferTitle);
        firm.ConsultationOfferText = Trim(form.ConsultationOfferText);
        firm.WhyChooseUs = Split(form.WhyChooseUs, s_lineBreaks);
        firm.PracticeAreasTitle = Trim(form.PracticeAreasTitle);
        firm.PracticeAreasTagline = Trim(form.PracticeAreasTagline);
        firm.PracticeAreasIntro = Trim(form.PracticeAreasIntro);
        firm.AdvertisingDisclaimer = Trim(form.AdvertisingDisclaimer);
        firm.LegalInformationNotice = Trim(form.LegalInformationNotice);
        firm.AboutMarkdown = form.AboutMarkdown ?? "";
        firm.DisclaimerMarkdown = form.DisclaimerMarkdown ?? "";
        firm.PrivacyMarkdown = form.PrivacyMarkdown ?? "";
        firm.RenderPages(markdown, await db.ImagesByUrlAsync());
        firm.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        firm.Version++;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else saved the profile at the same moment, so your changes were not saved. Your text is below.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Edit), form);
        }

        // The profile is in every page's header and footer.
        await pageCache.EvictAllAsync();
        await audit.RecordAsync(User, "Firm profile edited");
        TempData["Message"] = "The firm profile was saved and is live on the site.";
        return RedirectToAction(nameof(Edit));
    }

    private void Require(string field, string? value, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, $"Enter {what}.");
        }
        else if (value.Trim().Length > max)
        {
            ModelState.AddModelError(field, $"Shorten {what} to {max} characters or fewer.");
        }
    }

    private static string Trim(string? value) => value?.Trim() ?? "";

    private static List<string> Split(string? value, char[] separators) =>
        (value ?? "").Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
