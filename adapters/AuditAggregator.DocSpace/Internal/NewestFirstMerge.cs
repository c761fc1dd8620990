using System.Runtime.CompilerServices;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Merges two newest-first reads of one source (its login history and its audit trail) into one newest-first
/// sequence, as <see cref="IAuditSource"/> promises, pulling from each only as the merge needs.
/// </summary>
internal static class NewestFirstMerge
{
    public static async IAsyncEnumerable<AuditEvent> MergeAsync(IAsyncEnumerable<AuditEvent> first, IAsyncEnumerable<AuditEvent> second, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var order = AuditEventOrder.NewestFirst;
        var a = first.GetAsyncEnumerator(cancellationToken);
        await using (a.ConfigureAwait(false))
        {
            var b = second.GetAsyncEnumerator(cancellationToken);
            await using (b.ConfigureAwait(false))
            {
                var hasA = await a.MoveNextAsync().ConfigureAwait(false);
                var hasB = await b.MoveNextAsync().ConfigureAwait(false);
                while (hasA || hasB)
                {
                    if (hasA && (!hasB || order.Compare(a.Current, b.Current) <= 0))
                    {
                        yield return a.Current;
                        hasA = await a.MoveNextAsync().ConfigureAwait(false);
                    }
                    else
                    {
                        yield return b.Current;
                        hasB = await b.MoveNextAsync().ConfigureAwait(false);
                    }
                }
            }
        }
    }
}
