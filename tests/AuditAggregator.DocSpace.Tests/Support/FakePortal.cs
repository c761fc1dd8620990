using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AuditAggregator.Testing;

namespace AuditAggregator.DocSpace.Tests.Support;

/// <summary>
/// An in-memory portal that answers the login routes as the real server does: newest first, the page window
/// taken from the unfiltered log before the filters, and (with <see cref="NoAuditPlan"/>) the 20 newest events
/// whatever the parameters.
/// </summary>
internal sealed class FakePortal
{
    public static readonly TimeSpan PortalOffset = TimeSpan.FromHours(3);

    private readonly List<LoginRecord> _log = [];
    private long _nextId = 1;

    public FakePortal()
    {
        Handler = new StubHttpMessageHandler().Route(Answer);
    }

    public StubHttpMessageHandler Handler { get; }

    public bool NoAuditPlan { get; set; }

    /// <summary>Gets or sets a hook run before each /filter answer, with the number of /filter requests so far.</summary>
    public Action<int>? BeforeFilter { get; set; }

    public int FilterRequests { get; private set; }

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

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("/login/last", StringComparison.Ordinal))
        {
            return Json(_log.Take(20));
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

    private static HttpResponseMessage Json(IEnumerable<LoginRecord> events) =>
        new(HttpStatusCode.OK) { Content = new StringContent(Envelope(events), Encoding.UTF8, "application/json") };
}
