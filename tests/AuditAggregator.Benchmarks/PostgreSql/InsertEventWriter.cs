using System.Text;
using AuditAggregator.PostgreSql.Internal;
using Npgsql;

namespace AuditAggregator.Benchmarks.PostgreSql;

/// <summary>
/// Multi-row <c>INSERT ... VALUES (...), (...) ON CONFLICT (id) DO NOTHING</c>, in chunks that stay under the
/// protocol's 65,535 parameters a statement: the alternative to the library's <see cref="CopyEventWriter"/>, kept
/// here so that the <c>postgres</c> command can measure both. It lost by about half (see that command).
/// </summary>
internal sealed class InsertEventWriter : IEventBatchWriter
{
    public const int RowsPerStatement = 1_000;

    public async Task<int> InsertAsync(NpgsqlConnection connection, SchemaNames names, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        var sorted = events.OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();
        var inserted = 0;
        for (var start = 0; start < sorted.Length; start += RowsPerStatement)
        {
            var chunk = sorted.AsSpan(start, Math.Min(RowsPerStatement, sorted.Length - start)).ToArray();
            using var command = new NpgsqlCommand(Sql(names, chunk.Length), connection);
            foreach (var item in chunk)
            {
                var values = EventColumns.Values(item);
                for (var i = 0; i < values.Length; i++)
                {
                    command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = EventColumns.All[i].Type, Value = values[i] ?? DBNull.Value });
                }
            }

            inserted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return inserted;
    }

    private static string Sql(SchemaNames names, int rows)
    {
        var columns = EventColumns.All.Length;
        var builder = new StringBuilder($"INSERT INTO {names.Events} ({EventColumns.List}) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            builder.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns; column++)
            {
                builder.Append(column == 0 ? "$" : ", $").Append((row * columns) + column + 1);
            }

            builder.Append(')');
        }

        return builder.Append(" ON CONFLICT (id) DO NOTHING").ToString();
    }
}
