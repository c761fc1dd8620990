namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Recognizes the answer of a portal whose plan has no audit option: <c>/filter</c> then ignores every parameter,
/// <c>startIndex</c> and <c>count</c> included, and returns the 20 newest events, exactly what <c>/last</c> returns.
/// </summary>
/// <remarks>
/// <para>Comparing a page with <c>/last</c> cannot tell that answer from a portal that simply holds 20 events (both
/// give the same 20), so the guard compares pages with one another:</para>
/// <list type="number">
/// <item>a page holding more events than were asked for: the server ignored <c>count</c>;</item>
/// <item>a page at <c>startIndex &gt; 0</c> holding exactly the events of the first page: the server ignored
/// <c>startIndex</c> (an honest server never repeats the newest events deeper in the log);</item>
/// <item>a first page of exactly 20 events is ambiguous, so before any of it is yielded the source probes
/// <c>startIndex=20</c>: an honest portal answers the next, different events (or nothing, or the events pushed
/// down by new logins), the fallback answers the same 20 again, which rule 2 recognizes. With a page size of 20
/// this costs one request more per read; with any other size, only portals holding exactly 20 events pay it.</item>
/// </list>
/// <para>A portal with fewer than 20 events and no audit option is not recognized, and need not be: the answer
/// then holds the whole log, and the source filters on the client anyway. A portal with exactly 20 events and
/// no audit option is reported as the fallback, which is true.</para>
/// </remarks>
internal sealed class NoAuditPlanGuard(string source)
{
    /// <summary>The number of events <c>/last</c> and the fallback return.</summary>
    public const int FallbackSize = 20;

    private string[]? _firstPage;

    /// <summary>
    /// Gets a value indicating whether the first page calls for the probe of rule 3.
    /// </summary>
    public static bool NeedsProbe(long offset, int requested, int received) =>
        offset == 0 && received == FallbackSize && requested >= FallbackSize;

    /// <summary>
    /// Checks one page; throws when it is the fallback's answer.
    /// </summary>
    public void Check(long offset, int requested, IReadOnlyList<AuditEvent> page)
    {
        if (page.Count > requested)
        {
            throw Detected($"asked for {requested} events, the portal returned {page.Count}");
        }

        if (offset == 0)
        {
            _firstPage = [.. page.Select(e => e.SourceId)];
            return;
        }

        if (page.Count > 0 && _firstPage is { } first && first.SequenceEqual(page.Select(e => e.SourceId)))
        {
            throw Detected($"the page at startIndex={offset} repeats the newest {page.Count} events");
        }
    }

    private AuditSourceException Detected(string evidence) => new(
        source,
        AuditErrorKind.Plan,
        "The portal's plan has no audit option: /login/filter ignored its parameters and returned only the "
        + $"{FallbackSize} newest login events ({evidence}), so older events cannot be read. This is not a filtered result; "
        + "upgrade the plan or read only /login/last.");
}
