using System.Collections.Concurrent;
using AuditAggregator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace AuditAggregator.Collector.Demo;

/// <summary>
/// What the cluster must store: every account's window read once, directly, in this process.
/// </summary>
internal static class ReferenceRead
{
    public static async Task<HashSet<string>> ReadAsync(IReadOnlyList<AuditSourceDefinition> definitions, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuditSources(definitions);
        await using var provider = services.BuildServiceProvider();
        var query = AuditQuery.Between(Instant.FromDateTimeOffset(from), Instant.FromDateTimeOffset(to));
        var ids = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(provider.GetServices<IAuditSource>(), parallel, async (source, ct) =>
        {
            try
            {
                await foreach (var item in source.ReadAsync(query, ct).ConfigureAwait(false))
                {
                    ids.TryAdd(item.Id, 0);
                }
            }
            catch (AuditException ex)
            {
                throw new CollectorException($"The reference read of the window failed: {ex.Message}", ex);
            }
        }).ConfigureAwait(false);
        return [.. ids.Keys];
    }
}
