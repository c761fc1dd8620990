using System.Globalization;
using System.Net;
using System.Text;
using System.Web;
using NodaTime;
using NodaTime.Text;

namespace AuditAggregator.ExaVault.Tests.Support;

/// <summary>
/// A fake ExaVault server for both activity logs: filters by <c>startDate</c>/<c>endDate</c> (both inclusive), sorts
/// newest first, pages by <c>offset</c>/<c>limit</c>, and counts down <c>X-RateLimit-Remaining</c>.
/// </summary>
internal sealed class ActivityLogStub
{
    private readonly List<(Instant Time, string Json)> _sessions = [];
    private readonly List<(Instant Time, string Json)> _webhooks = [];

    public long Limit { get; set; } = 50_000;

    public long Remaining { get; set; } = 50_000;

    /// <summary>Gets or sets a value indicating whether the server ignores <c>offset</c>, as it once did for webhooks.</summary>
    public bool IgnoreOffset { get; set; }

    /// <summary>Adds <paramref name="count"/> session entries, one a second back from <see cref="ExaVaultJson.Newest"/>.</summary>
    public ActivityLogStub WithSessions(int count, Func<long, string>? operation = null)
    {
        for (var i = 0; i < count; i++)
        {
            var time = ExaVaultJson.Newest - Duration.FromSeconds(i);
            var id = 1_000_000L + count - i;
            _sessions.Add((time, ExaVaultJson.Session(id, time, operation?.Invoke(id) ?? "STOR")));
        }

        return this;
    }

    public ActivityLogStub WithSession(Instant time, string json)
    {
        _sessions.Add((time, json));
        return this;
    }

    public ActivityLogStub WithWebhooks(int count, Duration? offset = null)
    {
        for (var i = 0; i < count; i++)
        {
            var time = ExaVaultJson.Newest - Duration.FromSeconds(i) - (offset ?? Duration.Zero);
            _webhooks.Add((time, ExaVaultJson.Webhook(2_000_000L + count - i, time)));
        }

        return this;
    }

    public HttpResponseMessage Answer(HttpRequestMessage request)
    {
        lock (_sessions)
        {
            return AnswerCore(request);
        }
    }

    private HttpResponseMessage AnswerCore(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        var log = path.EndsWith("/activity/session", StringComparison.Ordinal) ? _sessions
            : path.EndsWith("/activity/webhooks", StringComparison.Ordinal) ? _webhooks
            : throw new InvalidOperationException($"No route {path}");
        var query = HttpUtility.ParseQueryString(request.RequestUri.Query);
        var start = Parse(query["startDate"]);
        var end = Parse(query["endDate"]);
        var offset = IgnoreOffset ? 0 : int.Parse(query["offset"] ?? "0", CultureInfo.InvariantCulture);
        var limit = int.Parse(query["limit"] ?? "50", CultureInfo.InvariantCulture);
        var page = log
            .Where(e => (start is null || e.Time >= start) && (end is null || e.Time <= end))
            .OrderByDescending(e => e.Time)
            .Skip(offset)
            .Take(limit)
            .Select(e => e.Json)
            .ToList();

        Remaining = Math.Max(0, Remaining - 1);
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(ExaVaultJson.Page(page), Encoding.UTF8, "application/json"),
        };
        response.Headers.Add("X-RateLimit-Limit", Limit.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Remaining", Remaining.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private static Instant? Parse(string? text) => text is null ? null : InstantPattern.General.Parse(text).GetValueOrThrow();
}
