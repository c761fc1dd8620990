using System.Globalization;
using AuditAggregator.Benchmarks.Pages;

namespace AuditAggregator.Benchmarks.Sizes;

/// <summary>
/// The size of the <see cref="AuditEvent"/>s an adapter yields: the bytes a deep copy of each event allocates,
/// measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/>.
/// </summary>
/// <remarks>
/// The copy allocates what belongs to one event alone: the record, its actor (unless the shared
/// <see cref="AuditActor.Unknown"/>), its details array (unless the shared <see cref="AuditDetails.Empty"/>), and every
/// string that is not an interned literal (ids, addresses, names, detail values, raw JSON), each once per event even
/// when two fields share it. Literals such as <c>docspace</c> or <c>login</c> are shared by all events and not counted.
/// </remarks>
internal static class EventSize
{
    public static double BytesPerEvent(IReadOnlyList<AuditEvent> events)
    {
        var copier = new DeepCopier();
        var sink = new AuditEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            sink[i] = copier.Copy(events[i]);
        }

        Array.Clear(sink);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < events.Count; i++)
        {
            sink[i] = copier.Copy(events[i]);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(sink);
        return (double)allocated / events.Count;
    }

    public static (double DocSpace, double Sessions, double Webhooks) Measure()
    {
        var pages = CapturedPages.Current;
        return (
            BytesPerEvent(AdapterPath.DocSpaceAsync(pages.DocSpace).AsTask().GetAwaiter().GetResult()),
            BytesPerEvent(AdapterPath.SessionsAsync(pages.Sessions).AsTask().GetAwaiter().GetResult()),
            BytesPerEvent(AdapterPath.WebhooksAsync(pages.Webhooks).AsTask().GetAwaiter().GetResult()));
    }

    public static IEnumerable<string> Describe()
    {
        var (docSpace, sessions, webhooks) = Measure();
        yield return string.Create(CultureInfo.InvariantCulture, $"AuditEvent size, DocSpace login: {docSpace:N0} B/event");
        yield return string.Create(CultureInfo.InvariantCulture, $"AuditEvent size, ExaVault session: {sessions:N0} B/event");
        yield return string.Create(CultureInfo.InvariantCulture, $"AuditEvent size, ExaVault webhook: {webhooks:N0} B/event");
    }
}
