using Npgsql;
using NodaTime;

namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// Reads a row of <c>audit_events</c>, selected with <see cref="EventColumns.List"/>, back into an <see cref="AuditEvent"/>.
/// </summary>
internal static class EventReader
{
    public static AuditEvent Read(NpgsqlDataReader reader) => new()
    {
        Source = reader.GetString(1),
        Vendor = reader.GetString(2),
        Stream = reader.GetString(3),
        SourceId = reader.GetString(4),
        Time = Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(5)),
        Offset = reader.IsDBNull(6) ? null : Offset.FromSeconds(reader.GetInt32(6)),
        Category = EnumText.ParseCategory(reader.GetString(7)),
        Action = reader.GetString(8),
        Outcome = EnumText.ParseOutcome(reader.GetString(9)),
        Actor = new AuditActor(Nullable(reader, 10), Nullable(reader, 11), Nullable(reader, 12)),
        Ip = Nullable(reader, 13),
        UserAgent = Nullable(reader, 14),
        Location = Nullable(reader, 15),
        Resource = Nullable(reader, 16),
        VendorAction = reader.GetString(17),
        VendorActionName = Nullable(reader, 18),
        Details = DetailsJson.Read(reader.GetString(19)),
    };

    private static string? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
