namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>The output formats of <c>--format</c>.</summary>
internal enum OutputFormat
{
    /// <summary>A readable table (Spectre.Console); the default.</summary>
    Table,

    /// <summary>One <c>AuditEvent</c> per line in the documented JSON form.</summary>
    Jsonl,

    /// <summary>A header and one row per event, RFC 4180 quoting.</summary>
    Csv,

    /// <summary>OCSF events, one per line.</summary>
    Ocsf,

    /// <summary>Elastic Common Schema documents, one per line.</summary>
    Ecs,

    /// <summary>One indented JSON document (the comparison only).</summary>
    Json,
}
