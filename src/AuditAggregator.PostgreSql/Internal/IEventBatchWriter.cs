using Npgsql;

namespace AuditAggregator.PostgreSql.Internal;

/// <summary>
/// Inserts a batch of events into <c>audit_events</c> inside the caller's transaction, ignoring ids already stored.
/// </summary>
internal interface IEventBatchWriter
{
    /// <summary>
    /// Inserts the events, sorted by id so that two writers of overlapping batches lock rows in one order.
    /// </summary>
    /// <returns>The number of rows inserted; the others were stored already.</returns>
    Task<int> InsertAsync(NpgsqlConnection connection, SchemaNames names, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken);
}
