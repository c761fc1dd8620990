// A small demo of the core until the simulators and the real main job arrive (issue 5):
// two in-memory sources, merged newest first, printed as JSON Lines.
using AuditAggregator;
using NodaTime;

// 1. Two sources, each newest first, as every IAuditSource yields them.
var now = Instant.FromUtc(2025, 6, 2, 12, 0);
var docspace = new DemoSource("docspace", "login", now, 5);
var exavault = new DemoSource("exavault", "session", now - Duration.FromSeconds(30), 5);

// 2. The feed merges them into one time-ordered stream, each event once.
var feed = new AuditFeed([docspace, exavault]);

// 3. Print the merged feed in the documented JSON form.
using var stdout = Console.OpenStandardOutput();
await foreach (var auditEvent in feed.ReadAsync(AuditQuery.All))
{
    AuditEventJson.WriteLine(stdout, auditEvent);
}

internal sealed class DemoSource(string name, string stream, Instant newest, int count) : IAuditSource
{
    public string Name => name;

    public IReadOnlyCollection<string> Streams => [stream];

    public async IAsyncEnumerable<AuditEvent> ReadAsync(AuditQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new AuditEvent
            {
                Source = name,
                Stream = stream,
                SourceId = (count - i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Time = newest - Duration.FromMinutes(i),
                Category = AuditCategory.Authentication,
                Action = AuditActions.Login,
                Outcome = i % 3 == 0 ? AuditOutcome.Failure : AuditOutcome.Success,
                Actor = new AuditActor(null, "alice", "alice@example.com"),
                VendorAction = "demo",
            };
        }
    }
}
