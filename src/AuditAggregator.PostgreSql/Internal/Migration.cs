namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// One step of the schema.
/// </summary>
/// <param name="Version">The version the step leads to.</param>
/// <param name="Description">What the step adds, kept in the version table.</param>
/// <param name="Sql">The statements, for the schema's names.</param>
internal sealed record Migration(int Version, string Description, Func<SchemaNames, string> Sql);
