using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using PiriSite.Data.Identity;
using PiriSite.Web.Extensions;

namespace PiriSite.Web.Filters;

/// <summary>Sends a signed-in staff member who has not set up two-factor sign-in to do that before anything else.</summary>
public sealed class RequireTwoFactorSetupFilter(
    UserManager<StaffUser> users,
    IOptions<SecurityOptions> options,
    IHostEnvironment environment) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.User.Identity?.IsAuthenticated != true
            || !IdentityExtensions.TwoFactorRequired(options.Value, environment))
        {
            return;
        }

        var user = await users.GetUserAsync(context.HttpContext.User);
        if (user is not null && !user.TwoFactorEnabled)
        {
            context.Result = new RedirectResult("/account/two-factor");
        }
    }
}
