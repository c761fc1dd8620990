using AuditAggregator.Checkpoints;

namespace AuditAggregator;

/// <summary>
/// A sink that is also the checkpoint store: the events written since the last commit become durable in the same
/// transaction as the checkpoint of the next <see cref="ICheckpointStore.CommitAsync"/>, or not at all.
/// </summary>
/// <remarks>
/// <para>Written with an <see cref="AuditCollector"/>, a crash at any point loses and repeats nothing: events that
/// were not committed are read again after a restart, because the checkpoint that would skip them was not committed
/// either.</para>
/// <para>A commit that fails keeps the events it would have written, so that a later commit writes them with its
/// checkpoint; a store that cannot tell whether a failed commit took effect ignores an event whose
/// <see cref="AuditEvent.Id"/> it holds already.</para>
/// </remarks>
public interface IAuditEventStore : ICheckpointStore, IAuditEventSink;
