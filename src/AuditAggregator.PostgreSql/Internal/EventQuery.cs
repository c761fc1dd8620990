using Npgsql;
using NpgsqlTypes;

namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// The <c>SELECT</c> of stored events for a query: the window and the sources become the <c>WHERE</c> clause, which
/// the time and source indexes serve; the other filters are applied to the rows.
/// </summary>
internal static class EventQuery
{
    public static NpgsqlCommand Build(SchemaNames names, AuditQuery query)
    {
        var command = new NpgsqlCommand();
        var conditions = new List<string>();
        if (query.From is { } from)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = from.ToDateTimeUtc() });
            conditions.Add($"\"time\" >= ${command.Parameters.Count}");
        }

        if (query.To is { } to)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = to.ToDateTimeUtc() });
            conditions.Add($"\"time\" < ${command.Parameters.Count}");
        }

        if (query.Sources is { Count: > 0 } sources)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = sources.ToArray() });
            conditions.Add($"source = ANY(${command.Parameters.Count})");
        }

        var where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        command.CommandText = $"SELECT {EventColumns.List} FROM {names.Events}{where} ORDER BY \"time\" DESC, id DESC";
        return command;
    }
}
