using Microsoft.AspNetCore.Mvc.Routing;

namespace PiriSite.Web.Controllers.Account;

/// <summary>
/// What the staff account pages share: the /account addresses, responses that no browser or proxy may keep, and
/// the one controller name "Account". Sign-in, two-factor sign-in, two-factor set-up, two-factor changes and the
/// password change are each a controller of their own; MVC still knows them all as "Account", so their views stay
/// together in Views/Account and they redirect to one another by action name, as when they were one class.
/// Failure messages, and the time they take, are the same whether or not an account exists, and every attempt goes
/// to the audit log.
/// </summary>
[Route("account")]
[AccountPages]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AccountController : Controller
{
    protected const string DefaultReturnUrl = "/admin";

    protected const string SignInFailedMessage =
        "The email or password is not right, or sign-in is paused after several failed attempts. Check them and try again, or wait 15 minutes.";

    protected string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : DefaultReturnUrl;
}

/// <summary>The route value "controller" is "Account" for every account page, whatever its class is called (as [Area] sets "area").</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
internal sealed class AccountPagesAttribute() : RouteValueAttribute("controller", "Account");
