using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using AuditAggregator.Paging;
using AuditAggregator.Telemetry;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.Tests.Telemetry;

public class AuditTelemetryTests
{
    [Fact]
    public async Task AuditPager_RecordsEventsAndOneSpanPerPage()
    {
        var source = $"telemetry-{Guid.NewGuid():N}";
        long events = 0;
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AuditTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, state) =>
        {
            if (instrument.Name == "auditaggregator.events" && tags.ToArray().Any(t => t.Key == "source" && (string?)t.Value == source))
            {
                Interlocked.Add(ref events, value);
            }
        });
        meters.Start();
        var spans = new List<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == AuditTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if ((string?)a.GetTagItem("auditaggregator.source") == source)
                {
                    lock (spans)
                    {
                        spans.Add(a);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(activities);
        var all = Enumerable.Range(1, 25).Select(i => SyntheticSource.Create(source, "login", i, Instant.FromUtc(2025, 1, 1, 0, 0) + Duration.FromMinutes(i))).Reverse().ToList();
        PageFetcher fetch = (r, ct) => ValueTask.FromResult<IReadOnlyList<AuditEvent>>(all.Skip((int)r.Offset).Take(r.Size).ToList());

        await AuditPager.ReadAsync(source, fetch, AuditQuery.All, new PagingOptions { PageSize = 10 }).ToListAsync();

        Assert.Equal(25, Interlocked.Read(ref events));
        Assert.Equal([0L, 10L, 20L], spans.Select(s => (long)s.GetTagItem("auditaggregator.offset")!));
    }

    [Fact]
    public async Task AuditHttpTelemetryHandler_LogsNoHeaderValueOrUserInfo()
    {
        var logs = new CollectingLoggerProvider();
        var stub = new StubHttpMessageHandler().RespondJson("{}", HttpStatusCode.Unauthorized);
        using var client = new HttpClient(new AuditHttpTelemetryHandler("docspace", logs.CreateLogger("http")) { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://admin:hunter2@portal.example/api/2.0/security/audit/login/last");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer sk-secret-token");
        request.Headers.TryAddWithoutValidation("Cookie", "asc_auth_key=session-secret");

        using var response = await client.SendAsync(request);

        var line = Assert.Single(logs.Lines);
        Assert.Contains("/api/2.0/security/audit/login/last -> 401", line, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-token", line, StringComparison.Ordinal);
        Assert.DoesNotContain("session-secret", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }
}
