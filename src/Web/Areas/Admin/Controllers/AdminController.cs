using Microsoft.AspNetCore.Authorization;
using PiriSite.Web.Extensions;
using PiriSite.Web.Filters;

namespace PiriSite.Web.Areas.Admin.Controllers;

/// <summary>
/// What every admin page shares: a signed-in Attorney or Staff member with two-factor sign-in set up,
/// and responses that no browser or proxy may keep.
/// </summary>
[Area("Admin")]
[Authorize(Policy = IdentityExtensions.StaffPolicy)]
[ServiceFilter(typeof(RequireTwoFactorSetupFilter))]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AdminController : Controller;
