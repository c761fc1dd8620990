using Spectre.Console;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// <c>--format table</c>: the events as a readable table. Columns have fixed widths so that the table can be laid
/// out block by block (<c>rowsPerBlock</c> rows at a time) and still line up: memory stays bounded however long the
/// window, and in follow mode each row shows as it arrives.
/// </summary>
internal sealed class TableEventWriter : IEventWriter
{
    private static readonly (string Header, int Width)[] Columns =
    [
        ("Time (UTC)", 19), ("Source", 16), ("Action", 19), ("Outcome", 7), ("Actor", 26), ("IP", 15), ("Resource / detail", 0),
    ];

    private readonly IAnsiConsole _console;
    private readonly TextWriter _output;
    private readonly int _rowsPerBlock;
    private readonly List<AuditEvent> _pending = [];
    private readonly int _resourceWidth;
    private bool _headerPending;

    public TableEventWriter(IAnsiConsole console, TextWriter output, bool writeHeader, int rowsPerBlock)
    {
        _console = console;
        _output = output;
        _headerPending = writeHeader;
        _rowsPerBlock = Math.Max(1, rowsPerBlock);

        // Each column takes its width plus 3 for the padding and the separator.
        var fixedWidth = Columns.Sum(c => c.Width + 3);
        _resourceWidth = Math.Max(12, console.Profile.Width - fixedWidth - 1);
    }

    public void Write(AuditEvent auditEvent)
    {
        _pending.Add(auditEvent);
        if (_pending.Count >= _rowsPerBlock)
        {
            WriteBlock();
        }
    }

    public void Flush()
    {
        if (_pending.Count > 0 || _headerPending)
        {
            WriteBlock();
        }

        _output.Flush();
    }

    private void WriteBlock()
    {
        var table = new Table { Border = TableBorder.Minimal, ShowHeaders = _headerPending };
        foreach (var (header, width) in Columns)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold)))
            {
                Width = width == 0 ? _resourceWidth : width,
                NoWrap = true,
            });
        }

        foreach (var e in _pending)
        {
            table.AddRow(
                Cell(e.Time.ToString("uuuu-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                Cell($"{e.Source}/{e.Stream}"),
                Cell(e.Action),
                new Text(Names.Of(e.Outcome), OutcomeStyle(e.Outcome)) { Overflow = Overflow.Ellipsis },
                Cell(e.Actor.Login ?? e.Actor.Name ?? e.Actor.Id ?? "-"),
                Cell(e.Ip ?? "-"),
                Cell(e.Resource ?? e.VendorActionName ?? string.Empty));
        }

        if (_pending.Count > 0 || _headerPending)
        {
            _console.Write(table);
        }

        _pending.Clear();
        _headerPending = false;
    }

    private static Text Cell(string text) => new(text) { Overflow = Overflow.Ellipsis };

    private static Style OutcomeStyle(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Failure => new Style(Color.Red),
        AuditOutcome.Success => new Style(Color.Green),
        _ => new Style(Color.Grey),
    };
}
