using AuditAggregator.ConsoleApp.Comparison;
using AuditAggregator.ConsoleApp.Configuration;

namespace AuditAggregator.ConsoleApp.Commands;

/// <summary>
/// No command: an export; as a table (the default), the same single read also feeds the comparison, which is shown
/// under the events. Machine formats stay pure data.
/// </summary>
internal static class OverviewCommand
{
    public static async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        if (settings.Format != OutputFormat.Table || settings.CheckpointPath is not null || settings.OutputPath is not null)
        {
            return await ExportCommand.RunAsync(context, tap: null, cancellationToken);
        }

        var builder = new ComparisonBuilder(context.IdentityMap, context.IdentityNote, context.Sources.Accounts);
        var exit = await ExportCommand.RunAsync(context, builder, cancellationToken);
        context.Stdout.WriteLine();
        using var target = context.OpenFreshOutput();
        CompareCommand.Render(context, target, builder.Build(settings.From, settings.To));
        return exit;
    }
}
