using AuditAggregator.ConsoleApp.Comparison;
using AuditAggregator.ConsoleApp.Configuration;
using NodaTime;

namespace AuditAggregator.ConsoleApp.Tests;

/// <summary>
/// The DocSpace audit trail names its actor by account id and name only; the comparison joins those events to the
/// person the login history names by that id and login, and counts their file activity.
/// </summary>
public sealed class ComparisonBuilderTests
{
    private const string GraceId = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";

    private static AuditEvent Event(string stream, string sourceId, string action, AuditCategory category, AuditActor actor, int minute) => new()
    {
        Source = "docspace",
        Vendor = "docspace",
        Stream = stream,
        SourceId = sourceId,
        Time = Instant.FromUtc(2025, 6, 2, 9, minute),
        Category = category,
        Action = action,
        Outcome = AuditOutcome.Success,
        Actor = actor,
        VendorAction = "0",
    };

    [Fact]
    public void Build_AuditTrailEventsNamedByIdOnly_JoinThePersonOfTheLoginHistory()
    {
        var builder = new ComparisonBuilder(new Dictionary<string, string>(), "no identity map", [new SourceName("docspace", "docspace")]);
        var byId = new AuditActor(GraceId, "Grace Hopper", null);

        // The trail's events come first, before any login event has tied the id to a login.
        builder.Add(Event("audit", "9", AuditActions.Upload, AuditCategory.File, byId, 50));
        builder.Add(Event("audit", "8", AuditActions.Download, AuditCategory.File, byId, 40));
        builder.Add(Event("audit", "7", AuditActions.DirectLinkCreate, AuditCategory.Sharing, byId, 30));
        builder.Add(Event("audit", "6", AuditActions.Delete, AuditCategory.File, byId, 25));
        builder.Add(Event("login", "5", AuditActions.Login, AuditCategory.Authentication, new AuditActor(GraceId, "Grace Hopper", "grace@example.com"), 20));
        var report = builder.Build(Instant.FromUtc(2025, 6, 2, 0, 0), Instant.FromUtc(2025, 6, 3, 0, 0));

        var person = Assert.Single(report.People).Person;
        Assert.Equal("grace@example.com", person.Key);
        var tally = person.Sources["docspace"];
        Assert.Equal((5, 1, 1, 1, 1, 1), (tally.Events, tally.Logins, tally.Uploads, tally.Downloads, tally.Deletes, tally.Shares));
        Assert.Equal((Instant.FromUtc(2025, 6, 2, 9, 20), Instant.FromUtc(2025, 6, 2, 9, 50)), (tally.FirstSeen, tally.LastSeen));
    }
}
