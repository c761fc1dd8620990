namespace AuditAggregator.ConsoleApp.Output;

/// <summary>Writes events in one output format to a <see cref="TextWriter"/>.</summary>
internal interface IEventWriter
{
    /// <summary>Writes one event (a format may hold a few back, as the table does to lay out a block of rows).</summary>
    /// <param name="auditEvent">The event.</param>
    void Write(AuditEvent auditEvent);

    /// <summary>
    /// Writes out everything held back and flushes the underlying writer. A header (table, csv) is written with the
    /// first event: a read that fails before any event leaves no empty header behind.
    /// </summary>
    void Flush();

    /// <summary>Ends a successful write: as <see cref="Flush"/>, and a header even when no event came.</summary>
    void Complete();
}
