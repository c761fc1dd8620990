using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Support;

/// <summary>
/// An in-memory portal that answers the login routes as the real server does: newest first, the page window
/// taken from the unfiltered log before the filters, and (with <see cref="NoAuditPlan"/>) the 20 newest events
/// whatever the parameters. It answers the audit-trail routes too, from <see cref="Trail"/> (empty unless filled):
/// there the filters come before the page window, as on the real server.
/// </summary>
internal sealed class FakePortal
{
    public static readonly TimeSpan PortalOffset = TimeSpan.FromHours(3);

    private readonly List<LoginRecord> _log = [];
    private readonly List<TrailRecord> _trail = [];
    private long _nextId = 1;
    private long _nextTrailId = 1;

    public FakePortal()
    {
        Handler = new StubHttpMessageHandler().Route(Answer);
    }

    public StubHttpMessageHandler Handler { get; }

    public bool NoAuditPlan { get; set; }

    /// <summary>Gets or sets a hook run before each /filter answer, with the number of /filter requests so far.</summary>
    public Action<int>? BeforeFilter { get; set; }

    public int FilterRequests { get; private set; }

    /// <summary>Gets or sets a hook run before each /events/filter answer, with the number of such requests so far.</summary>
    public Action<int>? BeforeTrailFilter { get; set; }

    public int TrailRequests { get; private set; }

    /// <summary>Gets the audit trail, newest first.</summary>
    public IReadOnlyList<TrailRecord> Trail => _trail;

    /// <summary>Appends <paramref name="count"/> audit-trail events, the newest at <paramref name="newest"/>, one per <paramref name="spacing"/>, newer than every event so far.</summary>
    public FakePortal AddTrail(int count, DateTimeOffset newest, TimeSpan spacing, Func<long, int>? actionId = null)
    {
        var added = new List<TrailRecord>();
        for (var i = count - 1; i >= 0; i--)
        {
            var id = _nextTrailId++;
            added.Add(TrailEvent(id, newest - (spacing * i), actionId?.Invoke(id) ?? 5011));
        }

        added.Reverse();
        _trail.InsertRange(0, added);
        return this;
    }

    public static TrailRecord TrailEvent(long id, DateTimeOffset time, int actionId = 5011) => new()
    {
        Id = id,
        Date = time.ToOffset(PortalOffset).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffzzz", CultureInfo.InvariantCulture),
        User = "User " + (id % 3).ToString(CultureInfo.InvariantCulture),
        UserId = Guid.Parse("3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a1" + (id % 3).ToString(CultureInfo.InvariantCulture)),
        Action = "File Uploaded: file-" + id.ToString(CultureInfo.InvariantCulture) + ".docx",
        ActionId = actionId,
        Ip = "203.0.113.24",
        ActionType = 13,
        Product = 2,
        Location = 1,
        Target = [(4000 + id).ToString(CultureInfo.InvariantCulture)],
        Entries = [1],
        Context = "Rooms: Legal",
    };

    public IReadOnlyList<LoginRecord> Log => _log;

    /// <summary>Appends <paramref name="count"/> events, the newest at <paramref name="newest"/>, one per <paramref name="spacing"/>, newer than every event so far.</summary>
    public FakePortal AddNewest(int count, DateTimeOffset newest, TimeSpan spacing, Func<long, int>? actionId = null, Func<long, Guid>? userId = null)
    {
        var added = new List<LoginRecord>();
        for (var i = count - 1; i >= 0; i--)
        {
            var id = _nextId++;
            added.Add(Event(id, newest - (spacing * i), actionId?.Invoke(id) ?? 1000, userId?.Invoke(id)));
        }

        added.Reverse();
        _log.InsertRange(0, added);
        return this;
    }

    public static LoginRecord Event(long id, DateTimeOffset time, int actionId = 1000, Guid? userId = null) => new()
    {
        Id = id,
        Date = time.ToOffset(PortalOffset).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffzzz", CultureInfo.InvariantCulture),
        User = "User " + id.ToString(CultureInfo.InvariantCulture),
        UserId = userId ?? Guid.Parse("3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10"),
        Login = "user" + id.ToString(CultureInfo.InvariantCulture) + "@example.com",
        Action = "Login Success",
        ActionId = actionId,
        Ip = "203.0.113.24",
    };

    public static string Envelope(IEnumerable<LoginRecord> events)
    {
        var items = events.Select(e => JsonSerializer.Serialize(e, TestJson.Default.LoginRecord)).ToList();
        return $"{{\"response\":[{string.Join(',', items)}],\"count\":{items.Count},\"links\":[],\"status\":0,\"statusCode\":200}}";
    }

    public HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("/login/last", StringComparison.Ordinal))
        {
            return Json(_log.Take(20));
        }

        if (path.EndsWith("/events/last", StringComparison.Ordinal))
        {
            return TrailJsonResponse(_trail.Take(20));
        }

        if (path.EndsWith("/events/filter", StringComparison.Ordinal))
        {
            return AnswerTrail(request);
        }

        if (!path.EndsWith("/login/filter", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        BeforeFilter?.Invoke(FilterRequests);
        FilterRequests++;
        if (NoAuditPlan)
        {
            return Json(_log.Take(20));
        }

        var query = new RecordedRequest(request.Method, request.RequestUri!, new Dictionary<string, string>(), null);
        var start = int.Parse(query.QueryValue("startIndex") ?? "0", CultureInfo.InvariantCulture);
        var count = int.Parse(query.QueryValue("count") ?? "100", CultureInfo.InvariantCulture);
        IEnumerable<LoginRecord> page = _log.Skip(start).Take(count);
        if (query.QueryValue("from") is { } from)
        {
            page = page.Where(e => DateTimeOffset.Parse(e.Date!, CultureInfo.InvariantCulture) >= DateTimeOffset.Parse(from, CultureInfo.InvariantCulture));
        }

        if (query.QueryValue("to") is { } to)
        {
            page = page.Where(e => DateTimeOffset.Parse(e.Date!, CultureInfo.InvariantCulture) <= DateTimeOffset.Parse(to, CultureInfo.InvariantCulture));
        }

        if (query.QueryValue("action") is { } action)
        {
            page = page.Where(e => e.ActionId == int.Parse(action, CultureInfo.InvariantCulture));
        }

        return Json(page);
    }

    private HttpResponseMessage AnswerTrail(HttpRequestMessage request)
    {
        BeforeTrailFilter?.Invoke(TrailRequests);
        TrailRequests++;
        if (NoAuditPlan)
        {
            return TrailJsonResponse(_trail.Take(20));
        }

        var query = new RecordedRequest(request.Method, request.RequestUri!, new Dictionary<string, string>(), null);
        var start = int.Parse(query.QueryValue("startIndex") ?? "0", CultureInfo.InvariantCulture);
        var count = int.Parse(query.QueryValue("count") ?? "100", CultureInfo.InvariantCulture);
        IEnumerable<TrailRecord> matching = _trail;
        if (query.QueryValue("from") is { } from)
        {
            matching = matching.Where(e => e.Time >= DateTimeOffset.Parse(from, CultureInfo.InvariantCulture));
        }

        if (query.QueryValue("to") is { } to)
        {
            matching = matching.Where(e => e.Time <= DateTimeOffset.Parse(to, CultureInfo.InvariantCulture));
        }

        return TrailJsonResponse(matching.Skip(start).Take(count));
    }

    private static HttpResponseMessage TrailJsonResponse(IEnumerable<TrailRecord> events) =>
        new(HttpStatusCode.OK) { Content = new StringContent(TrailRecord.Envelope(events), Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Json(IEnumerable<LoginRecord> events) =>
        new(HttpStatusCode.OK) { Content = new StringContent(Envelope(events), Encoding.UTF8, "application/json") };
}
