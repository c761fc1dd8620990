namespace AuditAggregator.PostgreSql;

/// <summary>
/// Options of <see cref="PostgreSqlAuditDatabase"/> and of the store that <c>AddPostgreSqlAuditStore</c> registers.
/// </summary>
public sealed class PostgreSqlAuditOptions
{
    /// <summary>The default of <see cref="Schema"/>.</summary>
    public const string DefaultSchema = "public";

    /// <summary>The default of <see cref="CheckpointName"/>.</summary>
    public const string DefaultCheckpointName = "default";

    /// <summary>
    /// Gets or sets the Npgsql connection string, for example <c>Host=db;Database=audit;Username=collector;Password=...</c>. Required.
    /// </summary>
    /// <remarks>The password never appears in a message of this library.</remarks>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets the PostgreSQL schema that holds the tables: letters, digits and underscores, not starting with a
    /// digit, at most 63 characters. Created when missing. Default <c>public</c>.
    /// </summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>
    /// Gets or sets the name under which the registered store keeps its checkpoint: one collector, or one source;
    /// several collectors share a database, each with its own name. Default <c>default</c>.
    /// </summary>
    public string CheckpointName { get; set; } = DefaultCheckpointName;
}
