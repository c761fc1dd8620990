using System.Text;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// Passes what Spectre.Console renders on, line by line, without the padding a file does not need: trailing spaces
/// are cut (unless the output is a terminal, where colour codes may follow them), and optionally lines that show
/// nothing at all (the top and bottom of a borderless table) are dropped.
/// </summary>
internal sealed class TidyLinesWriter(TextWriter inner, bool trimEnd, bool dropBlankLines) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            EndLine();
        }
        else
        {
            _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void Flush()
    {
        // A line not yet ended is kept until it is, so that its padding can still be cut.
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _line.Length > 0)
        {
            inner.Write(_line.ToString());
            _line.Clear();
            inner.Flush();
        }

        base.Dispose(disposing);
    }

    private void EndLine()
    {
        var line = _line.ToString();
        _line.Clear();
        var carriageReturn = line.EndsWith('\r');
        if (carriageReturn)
        {
            line = line[..^1];
        }

        if (dropBlankLines && IsBlank(line))
        {
            return;
        }

        inner.Write(trimEnd ? line.TrimEnd(' ') : line);
        inner.Write(carriageReturn ? "\r\n" : "\n");
    }

    /// <summary>Whether a line shows nothing: only spaces, around colour codes (ESC [ ... letter) if any.</summary>
    private static bool IsBlank(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\u001b' && i + 1 < line.Length && line[i + 1] == '[')
            {
                i += 2;
                while (i < line.Length && !char.IsAsciiLetter(line[i]))
                {
                    i++;
                }
            }
            else if (line[i] != ' ')
            {
                return false;
            }
        }

        return true;
    }
}
