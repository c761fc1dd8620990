using System.Runtime.CompilerServices;

namespace AuditAggregator.Benchmarks.Micro;

/// <summary>
/// A source over events built in advance, yielded newest first in pages, so that the merge alone is measured.
/// </summary>
internal sealed class ArraySource(string name, AuditEvent[] events, int pageSize) : IAuditSource
{
    public string Name { get; } = name;

    public IReadOnlyCollection<string> Streams { get; } = ["login"];

    public async IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < events.Length; i++)
        {
            if (i % pageSize == 0)
            {
                // A page boundary: real sources await their next HTTP response here.
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
            }

            yield return events[i];
        }
    }
}
