using System.Collections;
using System.CommandLine;
using AuditAggregator.ConsoleApp.Commands;
using AuditAggregator.ConsoleApp.Configuration;
using AuditAggregator.ConsoleApp.Output;
using AuditAggregator.ConsoleApp.Sources;
using AuditAggregator.Hosting;
using Microsoft.Extensions.Options;

namespace AuditAggregator.ConsoleApp;

/// <summary>
/// The whole console behind one call, so that tests run it in-process: parse, choose the sources, run the command,
/// and turn every failure into an exit code and one message on stderr (never a stack trace).
/// </summary>
public static class ConsoleApp
{
    /// <summary>Runs the console with the system clock and no terminal.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where the data goes.</param>
    /// <param name="stderr">Where notes, progress and errors go.</param>
    /// <param name="environment">The environment variables (<c>DOCSPACE_URL</c> and the like).</param>
    /// <param name="cancellationToken">Ctrl+C: stops the run cleanly.</param>
    /// <returns>The exit code: 0 success, 2 bad argument, 3 a source failed while the others were read (see the README).</returns>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IDictionary environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                variables[key] = value;
            }
        }

        return RunAsync(args, stdout, stderr, new ConsoleEnvironment { Variables = variables }, cancellationToken);
    }

    /// <summary>Runs the console in the given environment (clock, terminals, variables).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where the data goes.</param>
    /// <param name="stderr">Where notes, progress and errors go.</param>
    /// <param name="environment">The clock, the terminals and the environment variables.</param>
    /// <param name="cancellationToken">Ctrl+C: stops the run cleanly.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, ConsoleEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            return await RunCoreAsync(args, stdout, stderr, environment, cancellationToken);
        }
        catch (BadArgumentException ex)
        {
            return Fail(stderr, ExitCodes.BadArgument, ex.Message);
        }
        catch (OptionsValidationException ex)
        {
            return Fail(stderr, ExitCodes.BadArgument, $"the {ex.OptionsType.Name} are invalid: {string.Join(" ", ex.Failures)}");
        }
        catch (AuditSourcesFileException ex)
        {
            // One line per error, each naming the file, the source and the key.
            foreach (var error in ex.Errors.Take(ex.Errors.Count - 1))
            {
                stderr.WriteLine($"audit-aggregator: error: {error}");
            }

            return Fail(stderr, ExitCodes.BadArgument, ex.Errors[^1].ToString());
        }
        catch (AuditCheckpointException ex)
        {
            return Fail(stderr, ExitCodes.BadArgument, $"--checkpoint: {ex.Message}");
        }
        catch (AuditSourceException ex)
        {
            return Fail(stderr, ExitCodes.SourceFailed, SourceFailures.Describe(ex));
        }
        catch (OutputWriteException ex)
        {
            return Fail(stderr, ExitCodes.BadArgument, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(stderr, ExitCodes.Interrupted, "interrupted; with --checkpoint, what was written is committed and the next run resumes.");
        }
#pragma warning disable CA1031 // The console's last line of defence: one message, no stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fail(stderr, ExitCodes.Unexpected, $"unexpected {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static async Task<int> RunCoreAsync(string[] args, TextWriter stdout, TextWriter stderr, ConsoleEnvironment environment, CancellationToken cancellationToken)
    {
        // 1. Parse. Syntax errors (an unknown option, an option of another command, a missing value) are bad
        //    arguments: exit 2.
        var cli = new ConsoleCommandLine();
        foreach (var (command, _) in cli.Commands)
        {
            command.SetAction(_ => ExitCodes.Success);
        }

        var parsed = cli.Root.Parse(args);
        var errors = ParseErrors.Describe(cli, parsed);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"audit-aggregator: error: {error}");
            }

            var name = parsed.CommandResult.Command == cli.Root ? string.Empty : parsed.CommandResult.Command.Name + " ";
            stderr.WriteLine($"Run 'audit-aggregator {name}--help' for its options.");
            return ExitCodes.BadArgument;
        }

        // --help and --version print and stop.
        if (parsed.Action is { } action && action != parsed.CommandResult.Command.Action)
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null }, cancellationToken);
        }

        var kind = cli.CommandOf(parsed);
        var arguments = new ParsedArguments(parsed);
        if (kind == ConsoleCommand.Simulate)
        {
            return await SimulateCommand.RunAsync(SimulateSettingsReader.Read(arguments), stdout, stderr, environment, cancellationToken);
        }

        // 2. Check the settings before anything starts: a wrong --from fails now, not after a minute of reading.
        var reader = new SettingsReader(environment);
        var settings = reader.Read(kind, arguments);
        var now = reader.Now();
        foreach (var note in settings.Notes)
        {
            stderr.WriteLine($"audit-aggregator: warning: {note}");
        }

        // 3. The sources: real services, or the simulators in-process (said in one line on stderr).
        await using var sources = await SourceSet.CreateAsync(settings, now, stderr, cancellationToken);
        var context = new CommandContext(settings, sources, stdout, stderr, environment);

        // 4. The command.
        return settings.Command switch
        {
            ConsoleCommand.Export => await ExportCommand.RunAsync(context, tap: null, cancellationToken),
            ConsoleCommand.Compare => await CompareCommand.RunAsync(context, cancellationToken),
            ConsoleCommand.Follow => await FollowCommand.RunAsync(context, now, cancellationToken),
            _ => await OverviewCommand.RunAsync(context, cancellationToken),
        };
    }

    private static int Fail(TextWriter stderr, int exitCode, string message)
    {
        stderr.WriteLine($"audit-aggregator: error: {message}");
        stderr.Flush();
        return exitCode;
    }

}
