using NodaTime.Text;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// <c>--format csv</c>: a header and one row per event with the main fields, quoted as RFC 4180 says (fields with a
/// comma, quote or line break in double quotes, quotes doubled, rows ended by CRLF). The header is written with the
/// first row, or by <see cref="Complete"/> when there is none.
/// </summary>
internal sealed class CsvEventWriter : IEventWriter
{
    private static readonly string[] Header =
    [
        "time", "source", "stream", "id", "category", "action", "outcome", "actor_id", "actor_name", "actor_login",
        "ip", "resource", "vendor_action", "vendor_action_name", "user_agent", "location",
    ];

    private readonly TextWriter _output;
    private bool _headerPending;

    public CsvEventWriter(TextWriter output, bool writeHeader)
    {
        _output = output;
        _headerPending = writeHeader;
    }

    public void Write(AuditEvent auditEvent)
    {
        WriteHeaderIfPending();
        WriteRow(Fields(auditEvent));
    }

    public void Flush() => _output.Flush();

    public void Complete()
    {
        WriteHeaderIfPending();
        Flush();
    }

    /// <summary>Quotes one field as RFC 4180 requires; <see langword="null"/> is an empty field.</summary>
    public static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string?[] Fields(AuditEvent auditEvent) =>
    [
        InstantPattern.ExtendedIso.Format(auditEvent.Time),
        auditEvent.Source,
        auditEvent.Stream,
        auditEvent.Id,
        Names.Of(auditEvent.Category),
        auditEvent.Action,
        Names.Of(auditEvent.Outcome),
        auditEvent.Actor.Id,
        auditEvent.Actor.Name,
        auditEvent.Actor.Login,
        auditEvent.Ip,
        auditEvent.Resource,
        auditEvent.VendorAction,
        auditEvent.VendorActionName,
        auditEvent.UserAgent,
        auditEvent.Location,
    ];

    private void WriteHeaderIfPending()
    {
        if (_headerPending)
        {
            _headerPending = false;
            WriteRow(Header);
        }
    }

    private void WriteRow(string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _output.Write(',');
            }

            _output.Write(Quote(fields[i]));
        }

        _output.Write("\r\n");
    }
}
