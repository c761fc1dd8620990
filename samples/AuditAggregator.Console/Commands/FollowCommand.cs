using System.Globalization;
using AuditAggregator.Checkpoints;
using AuditAggregator.ConsoleApp.Output;
using AuditAggregator.ConsoleApp.Sources;
using AuditAggregator.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace AuditAggregator.ConsoleApp.Commands;

/// <summary>
/// <c>follow</c>: the live tail through <see cref="AuditFollower.FollowAsync"/>, polling every interval, each event
/// written and flushed as it comes, in any format. Ctrl+C stops it cleanly: the follower commits what was taken
/// (to the <c>--checkpoint</c> file, or in memory without one) and the command exits 0, or 3 when a source failed
/// at one of its polls.
/// </summary>
internal static class FollowCommand
{
    private static readonly Duration DefaultLookback = Duration.FromHours(1);

    public static async Task<int> RunAsync(CommandContext context, Instant now, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        ICheckpointStore store = settings.CheckpointPath is { } path ? new SqliteCheckpointStore(path) : new InMemoryCheckpointStore();
        using var target = settings.CheckpointPath is not null
            ? await ResumableOutput.OpenAsync(context, store, cancellationToken)
            : context.OpenFreshOutput();
        var writer = EventWriters.Create(settings.Format, target.Writer, context.Environment, target.IsTerminal, writeHeader: target.StartLength == 0, rowsPerBlock: 1);
        var format = ResumableOutput.FormatName(settings.Format);
        var poll = settings.PollInterval ?? (context.Simulated ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30));
        var options = new AuditFollowOptions
        {
            PollInterval = poll,
            Lag = settings.Lag ?? (context.Simulated ? TimeSpan.Zero : TimeSpan.FromMinutes(1)),
            CommitEvery = settings.CommitEvery,

            // A failing source is retried at every poll while the others go on being followed.
            OnSourceFailure = SourceFailureMode.ContinueWithOthers,
            SourceFailed = context.Failures.Record,
            CaptureSinkStateAsync = _ =>
            {
                writer.Flush();
                return ValueTask.FromResult(target.CaptureState(format));
            },
        };
        var follower = new AuditFollower(context.Sources.Sources, store, options);
        var from = settings.FromGiven ? settings.From : now - DefaultLookback;
        context.Stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"audit-aggregator: following {string.Join(", ", context.Sources.Names)} every {poll.TotalSeconds:0.#} s from {InstantPattern.ExtendedIso.Format(from)} (or the checkpoint); Ctrl+C stops."));

        using var progress = context.Progress(dataOnStdout: true);
        context.Failures.OnFailure = failure => context.Stderr.WriteLine(
            $"audit-aggregator: warning: {SourceFailures.Describe(failure.Exception)} The other sources go on; {failure.SourceName} is tried again at the next poll.");
        await using var activity = context.Sources.Simulators is { } world ? new SimulatedActivity(world, poll) : null;
        try
        {
            await foreach (var auditEvent in follower.FollowAsync(settings.Query with { From = from }, cancellationToken))
            {
                writer.Write(auditEvent);
                writer.Flush();
                progress.Count(auditEvent);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the follower has committed what was taken.
        }

        writer.Flush();
        progress.Dispose();
        context.Stderr.WriteLine(progress.Summary(settings.CheckpointPath is null ? "stopped after" : "stopped and committed; followed"));
        return context.Failures.Report(context.Stderr, context.Sources.Names, committed: settings.CheckpointPath is not null);
    }
}
