using Spectre.Console;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// <c>--format table</c>: the events as a readable table. Columns have fixed widths so that the table can be laid
/// out block by block (<c>rowsPerBlock</c> rows at a time) and still line up: memory stays bounded however long the
/// window, and in follow mode each row shows as it arrives. The console it writes to drops the blank lines a
/// borderless table starts and ends with (<see cref="SpectreConsoles"/>), so the blocks read as one table.
/// </summary>
internal sealed class TableEventWriter : IEventWriter
{
    private static readonly string[] Headers = ["Time (UTC)", "Source", "Action", "Outcome", "Actor", "IP", "Resource / detail"];

    private readonly IAnsiConsole _console;
    private readonly TextWriter _output;
    private readonly int _rowsPerBlock;
    private readonly List<AuditEvent> _pending = [];
    private readonly int[] _widths;
    private bool _headerPending;

    public TableEventWriter(IAnsiConsole console, TextWriter output, bool writeHeader, int rowsPerBlock)
    {
        _console = console;
        _output = output;
        _headerPending = writeHeader;
        _rowsPerBlock = Math.Max(1, rowsPerBlock);

        // Time, source, action, outcome and IP have natural widths; actor and resource share what is left. Each
        // column also takes 3 characters of padding and separator.
        var left = console.Profile.Width - (19 + 16 + 19 + 7 + 15) - (Headers.Length * 3) - 1;
        var actor = Math.Clamp(left * 2 / 5, 12, 30);
        _widths = [19, 16, 19, 7, actor, 15, Math.Max(12, left - actor)];
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
        if (_pending.Count > 0)
        {
            WriteBlock();
        }

        _output.Flush();
    }

    public void Complete()
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
        for (var i = 0; i < Headers.Length; i++)
        {
            table.AddColumn(new TableColumn(new Text(Headers[i], new Style(decoration: Decoration.Bold)) { Overflow = Overflow.Ellipsis })
            {
                Width = _widths[i],
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
