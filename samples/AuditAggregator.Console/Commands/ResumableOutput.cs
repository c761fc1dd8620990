using System.Text.Json;
using AuditAggregator.Checkpoints;
using AuditAggregator.ConsoleApp.Configuration;
using AuditAggregator.ConsoleApp.Output;

namespace AuditAggregator.ConsoleApp.Commands;

/// <summary>
/// Opens the output of a checkpointed run so that it continues exactly where the last commit left it: the file is
/// cut back to the length committed with the progress (bytes written after the last commit belong to events that
/// will be read again), then appended to. Without a checkpoint yet, the file starts afresh.
/// </summary>
internal static class ResumableOutput
{
    public static async Task<OutputTarget> OpenAsync(CommandContext context, ICheckpointStore store, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var checkpoint = await store.LoadAsync(cancellationToken);
        var state = ReadState(checkpoint, settings.CheckpointPath!);
        if (settings.OutputPath is not { } path)
        {
            if (state is not null)
            {
                throw new BadArgumentException("--output", $"the checkpoint belongs to an export into '{state.Output}'; pass --output with that file.");
            }

            context.Stderr.WriteLine("audit-aggregator: --checkpoint with stdout keeps the progress, but events written after the last commit are written again after a crash; use --output FILE for exactly once.");
            return OutputTarget.Stdout(context.Stdout, context.Environment.StdoutIsTerminal);
        }

        var full = Path.GetFullPath(path);
        var keep = 0L;
        if (checkpoint is not null && checkpoint.Sources.Count > 0)
        {
            if (state is null)
            {
                throw new BadArgumentException("--output", "the checkpoint was kept for output to stdout, so nothing says how much of the file is complete; start with a new --checkpoint file.");
            }

            if (!string.Equals(state.Output, full, StringComparison.Ordinal))
            {
                throw new BadArgumentException("--output", $"the checkpoint belongs to an export into '{state.Output}', not '{full}'.");
            }

            var format = FormatName(settings.Format);
            if (state.Format != format)
            {
                throw new BadArgumentException("--format", $"the checkpoint's file is in {state.Format}; resume it with --format {state.Format}.");
            }

            var length = File.Exists(full) ? new FileInfo(full).Length : 0;
            if (length < state.Length)
            {
                throw new BadArgumentException("--output", $"'{full}' holds {length:N0} bytes but the checkpoint committed {state.Length:N0}: the file was changed outside this tool; start again with a new --checkpoint file.");
            }

            keep = state.Length;
        }

        try
        {
            return OutputTarget.OpenFile(full, keep);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new BadArgumentException("--output", $"cannot write '{full}': {ex.Message}", ex);
        }
    }

    public static string FormatName(OutputFormat format) => format.ToString().ToLowerInvariant();

    private static SinkState? ReadState(FollowCheckpoint? checkpoint, string location)
    {
        if (checkpoint?.SinkState is not { } text)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, ConsoleJsonContext.Default.SinkState)
                ?? throw new JsonException("null sink state");
        }
        catch (JsonException ex)
        {
            throw new AuditCheckpointException(location, "The checkpoint's output state does not parse; it was not written by this console.", ex);
        }
    }
}
