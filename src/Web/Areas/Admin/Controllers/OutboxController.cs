using Microsoft.AspNetCore.Authorization;
using PiriSite.Web.Areas.Admin.Models;
using PiriSite.Web.Extensions;
using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// The email outbox, for the Attorney: what has not been delivered yet and why, and "retry now" once the mail
/// server is back. It shows what each message is and for which request, never its address, subject or text.
/// </summary>
[Route("admin/outbox")]
[Authorize(Policy = IdentityExtensions.AttorneyPolicy)]
public sealed class OutboxController(OutboxService outbox, TimeProvider clock) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new OutboxIndexViewModel(await outbox.UndeliveredAsync(cancellationToken), clock.GetUtcNow().UtcDateTime));

    [HttpPost("{id:int}/retry")]
    public async Task<IActionResult> Retry(int id, CancellationToken cancellationToken)
    {
        if (!await outbox.RetryAsync(id, User, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = $"Message {id} will be sent again now.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("retry-failed")]
    public async Task<IActionResult> RetryFailed(CancellationToken cancellationToken)
    {
        var count = await outbox.RetryFailedAsync(User, cancellationToken);
        TempData["Message"] = count == 0 ? "No failed messages to retry." : $"{count} failed message(s) will be sent again now.";
        return RedirectToAction(nameof(Index));
    }
}
