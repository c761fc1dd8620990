namespace AuditAggregator.ConsoleApp.Comparison;

/// <summary>One person in the report, with the flags raised: <c>only-in-{source}</c>, <c>failed-login-burst</c>.</summary>
internal sealed record PersonReport(PersonTally Person, IReadOnlyList<string> Flags);
