using NodaTime;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Recognizes the answer of a portal whose plan has no audit option: <c>/events/filter</c> then ignores every
/// parameter and returns the 20 newest events, exactly what <c>/events/last</c> returns, with status 200.
/// </summary>
/// <remarks>
/// <para>An honest server filters before it pages, so the answer can be checked against the request:</para>
/// <list type="number">
/// <item>more events than <c>count</c> asked for: the server ignored <c>count</c>;</item>
/// <item>an event before <c>from</c> or after <c>to</c>: the server ignored the dates;</item>
/// <item>a first page of exactly 20 events is ambiguous, so before any of it is yielded the reader probes once with
/// <c>to</c> just before that page's oldest event: an honest server answers older events or none, the fallback the
/// same 20 again, which rule 2 recognizes. Only a read whose first page holds exactly 20 events pays for it.</item>
/// </list>
/// </remarks>
internal sealed class TrailPlanGuard(string source)
{
    /// <summary>The number of events <c>/events/last</c> and the fallback return.</summary>
    public const int FallbackSize = 20;

    /// <summary>
    /// Gets a value indicating whether the first page calls for the probe of rule 3.
    /// </summary>
    public static bool NeedsProbe(int pageNumber, int requested, int received) =>
        pageNumber == 0 && received == FallbackSize && requested >= FallbackSize;

    /// <summary>
    /// Checks one answer against what was asked; throws when it is the fallback's.
    /// </summary>
    public void Check(Instant? from, Instant? to, int requested, IReadOnlyList<AuditEvent> page)
    {
        if (page.Count > requested)
        {
            throw Detected($"asked for {requested} events, the portal returned {page.Count}");
        }

        foreach (var item in page)
        {
            if ((from is { } f && item.Time < f) || (to is { } t && item.Time > t))
            {
                throw Detected($"event {item.SourceId} at {item.Time} lies outside the requested from/to");
            }
        }
    }

    private AuditSourceException Detected(string evidence) => new(
        source,
        AuditErrorKind.Plan,
        "The portal's plan has no audit option: /events/filter ignored its parameters and returned only the "
        + $"{FallbackSize} newest audit-trail events ({evidence}), so the window cannot be read. This is not a filtered result; "
        + "upgrade the plan to one with the audit trail, or leave the audit stream out.");
}
