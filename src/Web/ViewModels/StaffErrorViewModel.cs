namespace PiriSite.Web.ViewModels;

/// <summary>
/// An error page in the staff area's layout, for an address under /admin or /account: what happened in words
/// for staff (no "call us"), and where to go from there.
/// </summary>
/// <param name="View">The view under Views/Error/Staff: Forbidden, NotFound, or Error for every other status.</param>
public sealed record StaffErrorViewModel(int StatusCode, string Title, string Message, string View)
{
    public static bool IsStaffAddress(string? path) =>
        new PathString(path).StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
        || new PathString(path).StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase);

    public static StaffErrorViewModel For(int statusCode) => statusCode switch
    {
        StatusCodes.Status403Forbidden => new(statusCode, "You do not have access to this page",
            "This page is for the attorney's account only. If you need something on it, ask the attorney.", "Forbidden"),
        StatusCodes.Status404NotFound => new(statusCode, "This page does not exist",
            "The address may be mistyped, or what it showed may have been deleted.", "NotFound"),
        StatusCodes.Status405MethodNotAllowed => new(statusCode, "This page cannot do that",
            "The page was asked to do something it does not support. Go back and try again from the page itself.", "Error"),
        StatusCodes.Status429TooManyRequests => new(statusCode, "Please wait a moment",
            "There were many attempts in a short time. Wait a minute, then try again.", "Error"),
        < 500 => new(statusCode, "That could not be done",
            "Something in the request was not valid. Go back and try again.", "Error"),
        _ => new(statusCode, "Something went wrong on our side",
            "The page could not be shown. The problem has been recorded. Try again in a moment.", "Error"),
    };
}
