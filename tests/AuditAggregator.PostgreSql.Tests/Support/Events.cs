using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.PostgreSql.Tests.Support;

/// <summary>
/// Events for the tests.
/// </summary>
public static class Events
{
    public static readonly Instant Newest = Instant.FromUtc(2025, 6, 2, 11, 59);

    public static AuditEvent Login(long id, string source = "docspace") =>
        SyntheticSource.Create(source, "login", id, Newest - Duration.FromSeconds(id), login: $"user{id}@example.com");

    public static IReadOnlyList<AuditEvent> Logins(int count, int first = 1) =>
        [.. Enumerable.Range(first, count).Select(i => Login(i))];
}
