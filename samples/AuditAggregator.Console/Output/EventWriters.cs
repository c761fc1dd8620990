using AuditAggregator.ConsoleApp.Configuration;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>Creates the <see cref="IEventWriter"/> of a format.</summary>
internal static class EventWriters
{
    /// <param name="format">The format.</param>
    /// <param name="output">Where the data goes.</param>
    /// <param name="environment">For the table: colours and width when the output is the terminal.</param>
    /// <param name="toTerminal">Whether <paramref name="output"/> is the terminal.</param>
    /// <param name="writeHeader">Whether the format's header (table, csv) is written; not when appending to a resumed file.</param>
    /// <param name="rowsPerBlock">How many table rows are laid out at once (1 in follow mode, so rows show as they come).</param>
    public static IEventWriter Create(OutputFormat format, TextWriter output, ConsoleEnvironment environment, bool toTerminal, bool writeHeader, int rowsPerBlock = 200) => format switch
    {
        OutputFormat.Jsonl => new JsonLinesEventWriter(output),
        OutputFormat.Csv => new CsvEventWriter(output, writeHeader),
        OutputFormat.Ocsf => new OcsfEventWriter(output),
        OutputFormat.Ecs => new EcsEventWriter(output),
        OutputFormat.Table => new TableEventWriter(SpectreConsoles.Create(output, environment, toTerminal, dropBlankLines: true), output, writeHeader, rowsPerBlock),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an event format."),
    };
}
