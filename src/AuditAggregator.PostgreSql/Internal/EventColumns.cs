using NpgsqlTypes;

namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// The columns of <c>audit_events</c> in table order, with each column's type and value: one place that both
/// batch writers and the reader follow.
/// </summary>
internal static class EventColumns
{
    public static readonly (string Name, NpgsqlDbType Type)[] All =
    [
        ("id", NpgsqlDbType.Text),
        ("source", NpgsqlDbType.Text),
        ("vendor", NpgsqlDbType.Text),
        ("stream", NpgsqlDbType.Text),
        ("source_id", NpgsqlDbType.Text),
        ("\"time\"", NpgsqlDbType.TimestampTz),
        ("time_offset", NpgsqlDbType.Integer),
        ("category", NpgsqlDbType.Text),
        ("action", NpgsqlDbType.Text),
        ("outcome", NpgsqlDbType.Text),
        ("actor_id", NpgsqlDbType.Text),
        ("actor_name", NpgsqlDbType.Text),
        ("actor_login", NpgsqlDbType.Text),
        ("ip", NpgsqlDbType.Text),
        ("user_agent", NpgsqlDbType.Text),
        ("location", NpgsqlDbType.Text),
        ("resource", NpgsqlDbType.Text),
        ("vendor_action", NpgsqlDbType.Text),
        ("vendor_action_name", NpgsqlDbType.Text),
        ("details", NpgsqlDbType.Jsonb),
    ];

    /// <summary>Gets the column names, comma-separated, for SQL text.</summary>
    public static string List { get; } = string.Join(", ", All.Select(c => c.Name));

    /// <summary>
    /// Gets the value of each column of <paramref name="auditEvent"/>, in table order; <see langword="null"/> is SQL NULL.
    /// </summary>
    public static object?[] Values(AuditEvent auditEvent) =>
    [
        Text(auditEvent.Id),
        Text(auditEvent.Source),
        Text(auditEvent.Vendor),
        Text(auditEvent.Stream),
        Text(auditEvent.SourceId),
        auditEvent.Time.ToDateTimeUtc(),
        auditEvent.Offset?.Seconds,
        EnumText.Of(auditEvent.Category),
        Text(auditEvent.Action),
        EnumText.Of(auditEvent.Outcome),
        Text(auditEvent.Actor.Id),
        Text(auditEvent.Actor.Name),
        Text(auditEvent.Actor.Login),
        Text(auditEvent.Ip),
        Text(auditEvent.UserAgent),
        Text(auditEvent.Location),
        Text(auditEvent.Resource),
        Text(auditEvent.VendorAction),
        Text(auditEvent.VendorActionName),
        DetailsJson.Write(auditEvent.Details),
    ];

    private static string? Text(string? value) => NulText.Scrub(value);
}
