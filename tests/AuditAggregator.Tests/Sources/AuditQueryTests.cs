using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.Tests.Sources;

public class AuditQueryTests
{
    private static readonly Instant From = Instant.FromUtc(2025, 6, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2025, 6, 2, 0, 0);

    [Fact]
    public void Matches_WindowIsHalfOpen()
    {
        var query = AuditQuery.Between(From, To);

        Assert.True(query.Matches(SyntheticSource.Create("s", "login", 1, From)));
        Assert.False(query.Matches(SyntheticSource.Create("s", "login", 1, To)));
        Assert.False(query.Matches(SyntheticSource.Create("s", "login", 1, From - Duration.Epsilon)));
    }

    [Fact]
    public void Matches_ActorComparesIdNameAndLoginIgnoringCase()
    {
        var query = AuditQuery.All with { Actors = ["ALICE@example.com"] };

        Assert.True(query.Matches(SyntheticSource.Create("s", "login", 1, From, login: "alice@example.com")));
        Assert.False(query.Matches(SyntheticSource.Create("s", "login", 1, From, login: "bob@example.com")));
    }

    [Fact]
    public void Matches_ActionOutcomeStreamAndSourceFilters()
    {
        var failedLogin = SyntheticSource.Create("docspace", "login", 1, From, outcome: AuditOutcome.Failure);

        Assert.True((AuditQuery.All with { Actions = [AuditActions.Login], Outcome = AuditOutcome.Failure }).Matches(failedLogin));
        Assert.False((AuditQuery.All with { Actions = [AuditActions.Logout] }).Matches(failedLogin));
        Assert.False((AuditQuery.All with { Outcome = AuditOutcome.Success }).Matches(failedLogin));
        Assert.False((AuditQuery.All with { Streams = ["session"] }).Matches(failedLogin));
        Assert.False((AuditQuery.All with { Sources = ["exavault"] }).Matches(failedLogin));
        Assert.True((AuditQuery.All with { Sources = [] }).Matches(failedLogin));
    }

    [Fact]
    public void Between_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => AuditQuery.Between(To, From));
    }
}
