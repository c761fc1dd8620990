using System.Net;
using AuditAggregator.Resilience;

namespace AuditAggregator.Tests.Resilience;

public class HttpRetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("30", 30)]
    [InlineData("Mon, 02 Jun 2025 12:01:00 GMT", 60)]
    [InlineData("Mon, 02 Jun 2025 11:00:00 GMT", 0)]
    public void Get_SecondsOrDate_ReturnsTheDelay(string header, int seconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", header);

        Assert.Equal(TimeSpan.FromSeconds(seconds), HttpRetryAfter.Get(response.Headers, Now));
    }

    [Fact]
    public void Get_NoHeader_ReturnsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(HttpRetryAfter.Get(response.Headers, Now));
    }
}
