using Serilog;
using Serilog.Events;

namespace PiriSite.Web.Extensions;

/// <summary>
/// Log events that carry what people typed, dropped whatever level the configuration raises a category to.
/// At Verbose (Trace), MVC logs the value of every action argument: a note on a request, with the names and
/// numbers staff write in it, would reach the logs.
/// </summary>
public static class LogPrivacy
{
    private static readonly HashSet<string> s_eventsWithValues = new(StringComparer.Ordinal)
    {
        "ActionMethodExecutingWithArguments", // Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker
        "HandlerMethodExecutingWithArguments", // the same for Razor Pages handlers
    };

    public static LoggerConfiguration DropArgumentValues(this LoggerConfiguration logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.Filter.ByExcluding(CarriesArgumentValues);
    }

    private static bool CarriesArgumentValues(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("EventId", out var eventId)
        && eventId is StructureValue structure
        && structure.Properties.Any(p => p.Name == "Name" && p.Value is ScalarValue { Value: string name } && s_eventsWithValues.Contains(name));
}
