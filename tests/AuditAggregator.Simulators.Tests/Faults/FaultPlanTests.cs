using System.Text.Json;

namespace AuditAggregator.Simulators.Tests.Faults;

public class FaultPlanTests
{
    [Fact]
    public async Task TooManyRequests_WithRetryAfter_ThenNormalAnswer()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(new ExaVaultSimulatorOptions { Now = Clients.Now });
        sim.Faults.Enqueue(SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(2.2)), count: 2);
        using var http = Clients.ExaVault(sim);
        for (var i = 0; i < 2; i++)
        {
            using var limited = await http.GetAsync("activity/session?limit=1");
            Assert.Equal(429, (int)limited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter!.Delta);
            Assert.True(limited.Headers.Contains("X-RateLimit-Remaining"));
        }

        using var ok = await http.GetAsync("activity/session?limit=1");
        Assert.Equal(200, (int)ok.StatusCode);
        Assert.Equal(0, sim.Faults.Pending);
        Assert.Equal(2, sim.Faults.Served);
    }

    [Fact]
    public async Task TooManyRequests_WithoutRetryAfter_DocSpaceEmptyBody()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now });
        sim.Faults.Enqueue(SimulatedFault.TooManyRequests());
        using var http = Clients.DocSpace(sim);
        using var limited = await http.GetAsync(DocSpaceSimulator.FilterPath);
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Null(limited.Headers.RetryAfter);
        Assert.Empty(await limited.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(502, "text/html")]
    [InlineData(503, "text/html")]
    [InlineData(500, "application/json")]
    public async Task ServerError_ProxyHtmlOrVendorJson(int status, string mediaType)
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now });
        sim.Faults.Enqueue(SimulatedFault.ServerError(status));
        using var http = Clients.DocSpace(sim);
        using var response = await http.GetAsync(DocSpaceSimulator.FilterPath);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        if (mediaType == "text/html")
        {
            Assert.Contains("<html>", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(status, JsonDocument.Parse(text).RootElement.GetProperty("statusCode").GetInt32());
        }
    }

    [Fact]
    public async Task ServerError_503Burst_EachRequestConsumesOne()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(new ExaVaultSimulatorOptions { Now = Clients.Now });
        sim.Faults.Enqueue(SimulatedFault.ServerError(503, htmlBody: false), 3);
        using var http = Clients.ExaVault(sim);
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.GetAsync("activity/webhooks?limit=1");
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([503, 503, 503, 200], statuses);
        Assert.Equal(4, sim.Requests.CountFor(sim.WebhooksPath));
    }

    [Fact]
    public async Task DropConnection_PartOfTheBodyThenAbort_ReadingFails()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(new ExaVaultSimulatorOptions { Now = Clients.Now });
        sim.Faults.Enqueue(SimulatedFault.DropConnection());
        using var http = Clients.ExaVault(sim);
        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await http.GetAsync("activity/session?limit=500");
            await response.Content.ReadAsByteArrayAsync();
        });
        Assert.True(error is HttpRequestException or IOException, error?.GetType().FullName ?? "no exception");
        using var ok = await http.GetAsync("activity/session?limit=500");
        Assert.Equal(500, (await Clients.JsonAsync(ok)).GetProperty("returnedResults").GetInt32());
    }

    [Fact]
    public async Task TruncatedBody_Status200ButJsonIsCut()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now });
        sim.Faults.Enqueue(SimulatedFault.TruncatedBody());
        using var http = Clients.DocSpace(sim);
        using var response = await http.GetAsync(DocSpaceSimulator.FilterPath);
        Assert.Equal(200, (int)response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEmpty(bytes);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(bytes));
    }

    [Fact]
    public async Task Slow_LongerThanClientTimeout_ClientTimesOutThenNextAnswerIsNormal()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(new ExaVaultSimulatorOptions { Now = Clients.Now });
        sim.Faults.Enqueue(SimulatedFault.Slow(TimeSpan.FromSeconds(30)));
        using var http = Clients.ExaVault(sim);
        http.Timeout = TimeSpan.FromMilliseconds(300);
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => http.GetAsync("activity/session?limit=1"));
        using var ok = await http.GetAsync("activity/session?limit=1");
        Assert.Equal(200, (int)ok.StatusCode);
    }

    [Fact]
    public async Task Slow_ShortDelay_AnswersNormally()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now });
        sim.Faults.Enqueue(SimulatedFault.Slow(TimeSpan.FromMilliseconds(200)));
        using var http = Clients.DocSpace(sim);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var body = await Clients.GetJsonAsync(http, DocSpaceSimulator.LastPath);
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(190));
        Assert.Equal(20, body.GetProperty("count").GetInt32());
    }

    [Fact]
    public void RandomFaults_SameSeed_SameSequence()
    {
        static List<string> Draw()
        {
            var plan = new FaultPlan().SetRandomFaults(0.3, seed: 42);
            return Enumerable.Range(0, 200).Select(_ => plan.Next()?.ToString() ?? "ok").ToList();
        }

        var first = Draw();
        Assert.Equal(first, Draw());
        Assert.InRange(first.Count(s => s != "ok"), 30, 90);
        Assert.Contains("503 (HTML)", first);
    }

    [Fact]
    public void Queue_ServedBeforeRandom_AndClearStopsAll()
    {
        var plan = new FaultPlan().SetRandomFaults(1.0, 1, SimulatedFault.TruncatedBody());
        plan.Enqueue(SimulatedFault.DropConnection());
        Assert.Equal(SimulatedFaultKind.DropConnection, plan.Next()!.Kind);
        Assert.Equal(SimulatedFaultKind.TruncatedBody, plan.Next()!.Kind);
        plan.Clear();
        Assert.Null(plan.Next());
    }

    [Fact]
    public void Factories_RejectNonsense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedFault.ServerError(404));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedFault.Slow(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultPlan().SetRandomFaults(1.5, 1));
    }
}
