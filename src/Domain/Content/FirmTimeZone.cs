namespace PiriSite.Domain.Content;

/// <summary>The firm is in Dallas: staff read and enter times in Central Time. UTC on a machine without time-zone data.</summary>
public static class FirmTimeZone
{
    public static TimeZoneInfo Value { get; } = Find();

    public static DateTime ToFirmTime(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Value);

    /// <summary>The day it is in Dallas at <paramref name="utc"/>: "today" for the firm and its clients (UTC's is a day ahead every evening).</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(ToFirmTime(utc));

    /// <summary>When a firm day begins, in UTC: the bound of a "from this day" or "up to that day" filter.</summary>
    public static DateTime DayStartUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Value);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
