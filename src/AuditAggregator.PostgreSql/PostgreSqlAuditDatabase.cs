using System.Runtime.CompilerServices;
using AuditAggregator.PostgreSql.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AuditAggregator.PostgreSql;

/// <summary>
/// One PostgreSQL database (and schema) of audit events and checkpoints: its connection pool, its schema migration,
/// and the <see cref="PostgreSqlAuditStore"/> of each collector or source that writes into it.
/// </summary>
/// <remarks>
/// <para>The schema is created and migrated on first use (or by <see cref="MigrateAsync"/>), in one transaction
/// under an advisory lock, so that processes starting together are safe; at the current version it changes nothing.
/// Its version is kept in <c>audit_schema_version</c>.</para>
/// <para>Failures of the server or the connection become an <see cref="AuditCheckpointException"/> that names the
/// host, database and schema and the cause, never the password.</para>
/// </remarks>
public sealed class PostgreSqlAuditDatabase : IAsyncDisposable
{
    /// <summary>The schema version this library creates and reads.</summary>
    public const int SchemaVersion = 1;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SchemaMigrator _migrator;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    /// <summary>
    /// Initializes a new instance of the <see cref="PostgreSqlAuditDatabase"/> class. Nothing is connected yet.
    /// </summary>
    /// <param name="options">The options; <see cref="PostgreSqlAuditOptions.CheckpointName"/> is not used here.</param>
    /// <param name="timeProvider">The clock for commit times, or <see langword="null"/> for the system clock.</param>
    /// <param name="logger">The logger, or <see langword="null"/>.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid.</exception>
    public PostgreSqlAuditDatabase(PostgreSqlAuditOptions options, TimeProvider? timeProvider = null, ILogger<PostgreSqlAuditDatabase>? logger = null)
        : this(options, new CopyEventWriter(), timeProvider, logger)
    {
    }

    internal PostgreSqlAuditDatabase(PostgreSqlAuditOptions options, IEventBatchWriter writer, TimeProvider? timeProvider, ILogger<PostgreSqlAuditDatabase>? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        PostgreSqlAuditOptionsValidator.ThrowIfInvalid(options);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        builder.ApplicationName ??= "AuditAggregator";
        Location = $"PostgreSQL {builder.Host ?? "localhost"}:{builder.Port}/{builder.Database ?? builder.Username}, schema {options.Schema}";
        Names = new SchemaNames(options.Schema);
        Writer = writer;
        TimeProvider = timeProvider ?? TimeProvider.System;
        Logger = (ILogger?)logger ?? NullLogger.Instance;
        _dataSource = NpgsqlDataSource.Create(builder);
        _migrator = new SchemaMigrator(_dataSource, Names, Location, TimeProvider);
    }

    /// <summary>
    /// Gets where the database is, for messages: <c>PostgreSQL host:port/database, schema name</c>; never the password.
    /// </summary>
    public string Location { get; }

    internal SchemaNames Names { get; }

    internal IEventBatchWriter Writer { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>
    /// Creates the schema or migrates it to <see cref="SchemaVersion"/>; does nothing when it is current. Stores call
    /// it on first use; call it at start to fail early.
    /// </summary>
    /// <param name="cancellationToken">Stops the migration.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="AuditCheckpointException">The server cannot be reached, refused the login, or the schema
    /// belongs to something else or to a newer version.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_migrated)
        {
            return;
        }

        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            var applied = await _migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (applied.Count > 0 && Logger.IsEnabled(LogLevel.Information))
            {
                Logger.LogInformation("Migrated the audit schema {Schema} to version {Version}", Names.Schema, applied[^1]);
            }

            _migrated = true;
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw StoreErrors.Wrap(Location, "cannot create or migrate the schema", ex);
        }
        finally
        {
            _migration.Release();
        }
    }

    /// <summary>
    /// Creates the store that keeps the checkpoint named <paramref name="checkpointName"/> and writes into this database.
    /// </summary>
    /// <param name="checkpointName">One collector's or one source's name; one writer per name at a time.</param>
    /// <returns>The store.</returns>
    public PostgreSqlAuditStore CreateStore(string checkpointName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointName);
        return new PostgreSqlAuditStore(this, checkpointName);
    }

    /// <summary>
    /// Reads the stored events that match <paramref name="query"/>, newest first (ties by id).
    /// </summary>
    /// <param name="query">The filter: its window and sources are applied by the server, the rest as the rows arrive.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The events.</returns>
    /// <exception cref="AuditCheckpointException">The server cannot be reached or failed.</exception>
    public async IAsyncEnumerable<AuditEvent> ReadEventsAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        const string Doing = "cannot read the stored events";
        var connection = await StoreErrors.GuardAsync(Location, Doing, () => _dataSource.OpenConnectionAsync(cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = EventQuery.Build(Names, query);
            command.Connection = connection;
            await using (command.ConfigureAwait(false))
            {
                var reader = await StoreErrors.GuardAsync(Location, Doing, () => command.ExecuteReaderAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await StoreErrors.GuardAsync(Location, Doing, () => reader.ReadAsync(cancellationToken), cancellationToken).ConfigureAwait(false))
                    {
                        var item = EventReader.Read(reader);
                        if (query.Matches(item))
                        {
                            yield return item;
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Closes the connection pool. Events written to a store but not committed are dropped, as in a crash.
    /// </summary>
    /// <returns>A task that completes when the pool is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _migration.Dispose();
    }
}
