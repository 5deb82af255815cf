namespace PiriSite.Web.ViewModels;

/// <summary>An error page (or the 404 page) in the public layout.</summary>
public sealed record ErrorPageViewModel(PageContext Page, ErrorViewModel Error) : IPublicPage;

/// <summary>What an error page says for a status code.</summary>
public sealed record ErrorViewModel(int StatusCode, string Title, string Message)
{
    public static ErrorViewModel For(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => new(statusCode, "We could not read that request",
            "Something in the request was not valid. Please go back and try again, or call us."),
        StatusCodes.Status404NotFound => new(statusCode, "Page not found",
            "The page you were looking for could not be found."),
        StatusCodes.Status403Forbidden => new(statusCode, "This page is not available",
            "You do not have access to this page."),
        StatusCodes.Status405MethodNotAllowed => new(statusCode, "This page cannot do that",
            "The page was asked to do something it does not support. Please go back and try again."),
        StatusCodes.Status413PayloadTooLarge => new(statusCode, "That was too much to send at once",
            "What you sent is larger than this site accepts. Please shorten it and try again, or call us."),
        StatusCodes.Status429TooManyRequests => new(statusCode, "Please wait a moment",
            "We received many requests from your connection in a short time. Please try again in a minute, or call us now."),
        < 500 => new(statusCode, "We could not complete that request",
            "Please go back and try again, or call us."),
        _ => new(statusCode, "Something went wrong on our side",
            "We are sorry: the page could not be shown. The problem has been recorded. Please try again in a moment, or call us now."),
    };
}
