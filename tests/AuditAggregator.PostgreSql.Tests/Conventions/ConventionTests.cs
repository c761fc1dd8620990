using AuditAggregator.Testing;

namespace AuditAggregator.PostgreSql.Tests.Conventions;

/// <summary>
/// The house rules, checked over the PostgreSQL store by reflection and by reading its sources.
/// </summary>
public sealed class ConventionTests() : LibraryConventionTests(typeof(PostgreSqlAuditStore).Assembly, "src/AuditAggregator.PostgreSql");
