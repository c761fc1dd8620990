using AuditAggregator.ConsoleApp.Comparison;
using AuditAggregator.ConsoleApp.Output;
using AuditAggregator.Sqlite;

namespace AuditAggregator.ConsoleApp.Commands;

/// <summary>
/// <c>export</c>: one merged, newest-first read of the window into the chosen format. With <c>--checkpoint</c> the
/// read goes through <see cref="AuditFollower.ReadOnceAsync"/>: progress and the output file's length are committed
/// together, so a killed export resumes without loss or duplicates, and a finished one continues incrementally.
/// A source that fails does not stop the others: they are read to the end, and the run then exits 3 naming it.
/// </summary>
internal static class ExportCommand
{
    public static async Task<int> RunAsync(CommandContext context, ComparisonBuilder? tap, CancellationToken cancellationToken)
    {
        using var progress = context.Progress(dataOnStdout: true);
        if (context.Settings.CheckpointPath is not null)
        {
            await RunResumableAsync(context, progress, cancellationToken);
        }
        else
        {
            await RunOnceAsync(context, tap, progress, cancellationToken);
        }

        progress.Dispose();
        context.Stderr.WriteLine(progress.Summary("exported"));
        return context.Failures.Report(context.Stderr, context.Sources.Names, committed: context.Settings.CheckpointPath is not null);
    }

    private static async Task RunOnceAsync(CommandContext context, ComparisonBuilder? tap, ProgressReporter progress, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        using var target = context.OpenFreshOutput();
        var writer = EventWriters.Create(settings.Format, target.Writer, context.Environment, target.IsTerminal, writeHeader: true);
        var feed = new AuditFeed(context.Sources.Sources, context.Failures.FeedOptions());
        try
        {
            await foreach (var auditEvent in feed.ReadAsync(settings.Query, cancellationToken))
            {
                writer.Write(auditEvent);
                tap?.Add(auditEvent);
                progress.Count(auditEvent);
            }
        }
        finally
        {
            // What was read before a failure is still written out (a header only with rows): the error follows
            // on stderr.
            writer.Flush();
        }

        CompleteUnlessAllFailed(context, writer, progress);
    }

    private static async Task RunResumableAsync(CommandContext context, ProgressReporter progress, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var store = new SqliteCheckpointStore(settings.CheckpointPath!);
        using var target = await ResumableOutput.OpenAsync(context, store, cancellationToken);
        var writer = EventWriters.Create(settings.Format, target.Writer, context.Environment, target.IsTerminal, writeHeader: target.StartLength == 0);
        var format = ResumableOutput.FormatName(settings.Format);
        var options = new AuditFollowOptions
        {
            CommitEvery = settings.CommitEvery,
            Lag = settings.Lag ?? (context.Simulated ? TimeSpan.Zero : new AuditFollowOptions().Lag),

            // A failed source keeps its window pending; the others are delivered and committed to their end.
            OnSourceFailure = SourceFailureMode.ContinueWithOthers,
            SourceFailed = context.Failures.Record,

            // Runs right before every commit: everything written so far reaches the disk, and the file's length
            // is committed in the same transaction as the progress.
            CaptureSinkStateAsync = _ =>
            {
                writer.Flush();
                return ValueTask.FromResult(target.CaptureState(format));
            },
        };
        var follower = new AuditFollower(context.Sources.Sources, store, options);

        // --from starts a source that has no checkpoint yet; a window left pending by a killed run is resumed as it was.
        var query = settings.Query with { To = settings.ToGiven ? settings.To : null };
        try
        {
            await foreach (var auditEvent in follower.ReadOnceAsync(query, cancellationToken))
            {
                writer.Write(auditEvent);
                progress.Count(auditEvent);
            }
        }
        finally
        {
            writer.Flush();
        }

        CompleteUnlessAllFailed(context, writer, progress);
    }

    /// <summary>
    /// Ends the output (a table's last rows, a CSV header over no rows) unless every source failed before delivering
    /// anything: then the output stays empty and the error alone says what happened.
    /// </summary>
    private static void CompleteUnlessAllFailed(CommandContext context, IEventWriter writer, ProgressReporter progress)
    {
        if (!context.Failures.Any || progress.Total > 0)
        {
            writer.Complete();
        }
    }
}
