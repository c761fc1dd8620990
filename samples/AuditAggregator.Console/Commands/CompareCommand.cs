using AuditAggregator.ConsoleApp.Comparison;
using AuditAggregator.ConsoleApp.Configuration;
using AuditAggregator.ConsoleApp.Output;

namespace AuditAggregator.ConsoleApp.Commands;

/// <summary>
/// <c>compare</c>: streams the merged feed of the window through a <see cref="ComparisonBuilder"/> and renders the
/// report as tables (<c>--format table</c>) or JSON (<c>json</c>, indented; <c>jsonl</c>, one line).
/// </summary>
internal static class CompareCommand
{
    public static async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var builder = new ComparisonBuilder(context.IdentityMap, context.IdentityNote, context.Sources.Accounts);
        using (var progress = context.Progress(dataOnStdout: false))
        {
            var feed = new AuditFeed(context.Sources.Sources, context.Failures.FeedOptions());
            await foreach (var auditEvent in feed.ReadAsync(settings.Query, cancellationToken))
            {
                builder.Add(auditEvent);
                progress.Count(auditEvent);
            }

            progress.Dispose();
            context.Stderr.WriteLine(progress.Summary("compared"));
        }

        using var target = context.OpenFreshOutput();
        Render(context, target, builder.Build(settings.From, settings.To));
        return context.Failures.Report(context.Stderr, context.Sources.Names, committed: false);
    }

    /// <summary>Renders a finished report into <paramref name="target"/> in the settings' format.</summary>
    public static void Render(CommandContext context, OutputTarget target, ComparisonReport report)
    {
        if (context.Settings.Format is OutputFormat.Json or OutputFormat.Jsonl)
        {
            ComparisonJsonWriter.Write(target.Writer, report, indented: context.Settings.Format == OutputFormat.Json);
        }
        else
        {
            ComparisonTableRenderer.Render(SpectreConsoles.Create(target.Writer, context.Environment, target.IsTerminal), report);
        }

        target.Writer.Flush();
    }
}
