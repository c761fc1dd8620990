using AuditAggregator.FaultTests.Support;

namespace AuditAggregator.FaultTests;

/// <summary>
/// The credential is revoked in the middle of a read: the vendor answers 401 from then on. The source stops with a
/// clear error that names it and shows no credential; a feed that carries on without it reports the gap.
/// </summary>
public sealed class RevokedCredentialTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Vendor.DocSpace)]
    [InlineData(Vendor.ExaVault)]
    public async Task ReadAsync_CredentialRevokedMidRead_StopsWithErrorNamingSourceWithoutCredential(Vendor vendor)
    {
        await using var harness = await FaultHarness.StartAsync();
        var probe = harness.Probe(vendor);
        var revoke = Delivery.RevokeAfter(probe, FaultHarness.SourceName(vendor), after: 20);
        var delivered = new List<AuditEvent>();

        var error = await Assert.ThrowsAsync<AuditSourceException>(async () =>
        {
            await foreach (var item in harness.Source(vendor).ReadAsync(FaultHarness.Window))
            {
                delivered.Add(item);
                revoke(item);
            }
        });

        output.WriteLine($"after {delivered.Count} events: {error.Message}");
        var expected = harness.Expected(vendor, FaultHarness.Window);
        var ids = delivered.Select(e => e.Id).ToList();
        Delivery.Report(output, "credential revoked mid-read (source alone): stops", vendor.ToString(), expected.Count, ids.Count, ids.Count - ids.Distinct().Count(), expected.Count - ids.Distinct().Count(e => expected.Contains(e)), ids.Count(e => !expected.Contains(e)), probe);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Contains(id, expected));
        var name = FaultHarness.SourceName(vendor);
        Assert.Equal(name, error.SourceName);
        Assert.Equal(AuditErrorKind.Authentication, error.Kind);
        Assert.Equal(401, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.StartsWith(name + ": HTTP 401: ", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(delivered);

        // A 401 is never retried: no address was answered 401 twice.
        var unauthorized = probe.Sent.Where(s => s.StatusCode == 401).ToList();
        Assert.NotEmpty(unauthorized);
        Assert.Equal(unauthorized.Count, unauthorized.Select(s => s.Uri).Distinct().Count());
        Assert.Empty(RetryLog.Of(harness.Logs.Lines, name));

        foreach (var secret in FaultHarness.Secrets)
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
            Assert.All(harness.Logs.Lines, line => Assert.DoesNotContain(secret, line, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(Vendor.DocSpace)]
    [InlineData(Vendor.ExaVault)]
    public async Task Feed_ContinueWithOthers_CredentialRevokedMidRead_OtherSourceDeliversAndGapIsReported(Vendor revoked)
    {
        await using var harness = await FaultHarness.StartAsync();
        var healthy = revoked == Vendor.DocSpace ? Vendor.ExaVault : Vendor.DocSpace;
        var revoke = Delivery.RevokeAfter(harness.Probe(revoked), FaultHarness.SourceName(revoked), after: 20);
        var failures = new List<AuditSourceFailure>();
        var feed = new AuditFeed(harness.Sources, new AuditFeedOptions
        {
            OnSourceFailure = SourceFailureMode.ContinueWithOthers,
            SourceFailed = failures.Add,
        }, harness.Logs.CreateLogger<AuditFeed>());
        var expectedHealthy = harness.Expected(healthy, FaultHarness.Window);
        var expectedRevoked = harness.Expected(revoked, FaultHarness.Window);

        var delivered = await Delivery.ReadAllAsync(feed.ReadAsync(FaultHarness.Window), revoke);

        var fromHealthy = delivered.Where(e => e.Source == FaultHarness.SourceName(healthy)).Select(e => e.Id).ToList();
        var fromRevoked = delivered.Where(e => e.Source == FaultHarness.SourceName(revoked)).ToList();
        Delivery.AssertExactlyOnce(output, $"{revoked} credential revoked mid-read (feed ContinueWithOthers): the other source", healthy.ToString(), expectedHealthy, fromHealthy, harness.Probe(healthy));

        var failure = Assert.Single(failures);
        output.WriteLine($"gap reported: {failure.SourceName} failed after {failure.EventsDelivered} events, oldest delivered {failure.OldestDelivered}: {failure.Exception.Message}");
        Delivery.Report(output, $"{revoked} credential revoked mid-read (feed ContinueWithOthers): the revoked source", revoked.ToString(), expectedRevoked.Count, fromRevoked.Count, 0, expectedRevoked.Count - fromRevoked.Count, 0, harness.Probe(revoked));
        Assert.Equal(FaultHarness.SourceName(revoked), failure.SourceName);
        Assert.Equal(AuditErrorKind.Authentication, failure.Exception.Kind);
        Assert.Equal(401, failure.Exception.StatusCode);
        Assert.Equal(fromRevoked.Count, failure.EventsDelivered);
        Assert.InRange(fromRevoked.Count, 1, expectedRevoked.Count - 1);
        Assert.Equal(fromRevoked.Min(e => e.Time), failure.OldestDelivered);

        // What the revoked source delivered is the newest part of its window, without holes: exactly the gap is missing.
        Assert.Equal(fromRevoked.Count, fromRevoked.Select(e => e.Id).Distinct().Count());
        Assert.All(fromRevoked, e => Assert.Contains(e.Id, expectedRevoked));
        var oldest = failure.OldestDelivered!.Value;
        var newerThanGap = harness.Expected(revoked, FaultHarness.Window with { From = oldest + Duration.FromSeconds(1) });
        Assert.All(newerThanGap, id => Assert.Contains(id, fromRevoked.Select(e => e.Id)));

        Assert.Contains(harness.Logs.Lines, l => l.Contains($"Source {FaultHarness.SourceName(revoked)} failed after {failure.EventsDelivered} events", StringComparison.Ordinal));
        foreach (var secret in FaultHarness.Secrets)
        {
            Assert.All(harness.Logs.Lines, line => Assert.DoesNotContain(secret, line, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(Vendor.DocSpace)]
    [InlineData(Vendor.ExaVault)]
    public async Task Feed_ContinueWithOthers_CredentialRevokedBeforeFirstPage_ReportsWholeWindowAsGap(Vendor revoked)
    {
        await using var harness = await FaultHarness.StartAsync();
        var healthy = revoked == Vendor.DocSpace ? Vendor.ExaVault : Vendor.DocSpace;
        harness.Probe(revoked).RevokeFrom(1);
        var failures = new List<AuditSourceFailure>();
        var feed = new AuditFeed(harness.Sources, new AuditFeedOptions
        {
            OnSourceFailure = SourceFailureMode.ContinueWithOthers,
            SourceFailed = failures.Add,
        }, harness.Logs.CreateLogger<AuditFeed>());

        var delivered = await Delivery.ReadAllAsync(feed.ReadAsync(FaultHarness.Window));

        Delivery.AssertExactlyOnce(output, $"{revoked} credential revoked before the first page (feed ContinueWithOthers): the other source", healthy.ToString(), harness.Expected(healthy, FaultHarness.Window), [.. delivered.Select(e => e.Id)], harness.Probe(healthy));
        var failure = Assert.Single(failures);
        Assert.Equal(FaultHarness.SourceName(revoked), failure.SourceName);
        Assert.Equal(0, failure.EventsDelivered);
        Assert.Null(failure.OldestDelivered);
        Assert.Equal(AuditErrorKind.Authentication, failure.Exception.Kind);
        Assert.Contains(harness.Logs.Lines, l => l.Contains($"Source {failure.SourceName} failed after 0 events", StringComparison.Ordinal));
    }
}
