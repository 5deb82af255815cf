namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>The real time plus an offset the test can move forward: scheduled pages can come due instantly.</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    /// <summary>Sets the clock to <paramref name="instant"/>, from where it runs on.</summary>
    public void SetTo(DateTimeOffset instant) => _offset = instant - base.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
