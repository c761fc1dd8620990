using System.Runtime.CompilerServices;
using AuditAggregator.Checkpoints;
using AuditAggregator.Testing;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AuditAggregator.Tests.Follow;

/// <summary>
/// <see cref="SourceFailureMode.ContinueWithOthers"/> in the follower: the healthy sources' windows are delivered and
/// committed to their end, the failed source's window stays pending, and the next run resumes it exactly.
/// </summary>
public class AuditFollowerSourceFailureTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Events of one source, newest first, failing after <see cref="FailAfter"/> events of a read when set.</summary>
    private sealed class BreakableSource(string name, int count) : IAuditSource
    {
        private readonly AuditEvent[] _events = [.. Enumerable.Range(1, count)
            .Select(i => SyntheticSource.Create(name, "login", i, Instant.FromDateTimeOffset(Start.AddMinutes(-300 + (i * 2)))))
            .Order(AuditEventOrder.NewestFirst)];

        public string Name => name;

        public IReadOnlyCollection<string> Streams => ["login"];

        public int? FailAfter { get; set; }

        public IEnumerable<string> Ids => _events.Select(e => e.Id);

        public async IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var served = 0;
            foreach (var item in _events.Where(query.Matches))
            {
                await Task.Yield();
                if (FailAfter is { } limit && served++ >= limit)
                {
                    throw new AuditSourceException(name, AuditErrorKind.Authentication, "HTTP 401: credential rejected", statusCode: 401);
                }

                yield return item;
            }
        }
    }

    private static AuditFollowOptions Options(List<AuditSourceFailure> failures) => new()
    {
        Lag = TimeSpan.FromMinutes(1),
        InitialLookback = TimeSpan.FromDays(1),
        CommitEvery = 7,
        OnSourceFailure = SourceFailureMode.ContinueWithOthers,
        SourceFailed = failures.Add,
    };

    [Fact]
    public async Task ReadOnceAsync_OneSourceFails_OthersCompleteAndTheFailedOneResumesWithoutLossOrRepeat()
    {
        var time = new FakeTimeProvider(Start);
        var healthy = new BreakableSource("portal-1", 60);
        var broken = new BreakableSource("portal-2", 60) { FailAfter = 25 };
        var store = new InMemoryCheckpointStore();
        var failures = new List<AuditSourceFailure>();

        var first = await new AuditFollower([healthy, broken], store, Options(failures), time).ReadOnceAsync(AuditQuery.All).ToListAsync();

        var failure = Assert.Single(failures);
        Assert.Equal(("portal-2", 25L), (failure.SourceName, failure.EventsDelivered));
        Assert.Equal(healthy.Ids.Order(), first.Where(e => e.Source == "portal-1").Select(e => e.Id).Order());
        Assert.Equal(25, first.Count(e => e.Source == "portal-2"));
        Assert.False(store.Current!.Sources["portal-1"].HasPendingWindow);
        Assert.True(store.Current.Sources["portal-2"].HasPendingWindow);

        broken.FailAfter = null;
        var second = await new AuditFollower([healthy, broken], store, Options(failures), time).ReadOnceAsync(AuditQuery.All).ToListAsync();

        Assert.DoesNotContain(second, e => e.Source == "portal-1");
        var fromBroken = first.Concat(second).Where(e => e.Source == "portal-2").Select(e => e.Id).ToList();
        Assert.Equal(broken.Ids.Order(), fromBroken.Order());
        Assert.False(store.Current.Sources["portal-2"].HasPendingWindow);
        Assert.Single(failures);
    }

    [Fact]
    public async Task ReadOnceAsync_DefaultMode_FailsTheRunNamingTheSource()
    {
        var broken = new BreakableSource("portal-2", 30) { FailAfter = 3 };
        var follower = new AuditFollower([new BreakableSource("portal-1", 30), broken], new InMemoryCheckpointStore(), new AuditFollowOptions(), new FakeTimeProvider(Start));

        var ex = await Assert.ThrowsAsync<AuditSourceException>(async () => await follower.ReadOnceAsync(AuditQuery.All).ToListAsync());

        Assert.Equal("portal-2", ex.SourceName);
    }
}
