namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// The quoted, schema-qualified names of the tables, for SQL text. The schema name was validated as a plain identifier.
/// </summary>
internal sealed class SchemaNames
{
    public const string EventsTable = "audit_events";
    public const string CheckpointsTable = "audit_checkpoints";
    public const string VersionTable = "audit_schema_version";

    public SchemaNames(string schema)
    {
        Schema = schema;
        QuotedSchema = $"\"{schema}\"";
        Events = $"{QuotedSchema}.{EventsTable}";
        Checkpoints = $"{QuotedSchema}.{CheckpointsTable}";
        Versions = $"{QuotedSchema}.{VersionTable}";
    }

    /// <summary>Gets the schema's name as configured.</summary>
    public string Schema { get; }

    public string QuotedSchema { get; }

    public string Events { get; }

    public string Checkpoints { get; }

    public string Versions { get; }
}
