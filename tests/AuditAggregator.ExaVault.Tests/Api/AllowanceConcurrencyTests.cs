using AuditAggregator.ExaVault.Internal;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuditAggregator.ExaVault.Tests.Api;

/// <summary>A falling <c>X-RateLimit-Remaining</c> lowers the source's concurrency at once, so that the stop comes exactly.</summary>
public sealed class AllowanceConcurrencyTests
{
    [Theory]
    [InlineData(5000, 10)]
    [InlineData(999, 1)]
    public async Task BeforeRequestAsync_RemainingAllowance_SetsHowManyPagesMayBeInFlight(long remaining, int expected)
    {
        var time = new FakeTimeProvider();
        var account = new ExaVaultAccount("exavault", new ExaVaultOptions(), time, NullLogger.Instance);
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("X-RateLimit-Limit", "50000");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        account.Guard.Observe(response.Headers, time.GetUtcNow());

        var wait = account.BeforeRequestAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(10));
        await wait.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(expected, account.Resilience.Concurrency.Current);
    }
}
