using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Reads a session activity page straight into events, equal to <see cref="SessionMapper.Map"/> over the
/// <see cref="ExaVaultJsonContext"/> DTOs (see <see cref="ExaVaultPageParser"/>).
/// </summary>
internal sealed class SessionPageParser : ExaVaultPageParser
{
    private const int OperationSlots = 32;

    private static readonly PropertyNames Names = new(
        "created", "sessionId", "ipAddress", "username", "operation", "protocol", "status", "fileName", "fileSource", "bytesTransferred", "duration");

    private readonly (string? Code, string Action, string? Name, AuditCategory Category)[] _operations = new (string?, string, string?, AuditCategory)[OperationSlots];

    private string? _sessionId;
    private string? _ipAddress;
    private string? _username;
    private string? _operation;
    private string? _protocol;
    private string? _status;
    private string? _fileName;
    private string? _fileSource;
    private long? _bytesTransferred;
    private long? _duration;

    public SessionPageParser(Utf8StringCache strings, bool includeRawRecord = false)
        : base(strings, includeRawRecord)
    {
    }

    protected override void ResetAttributes()
    {
        base.ResetAttributes();
        _sessionId = _ipAddress = _username = _operation = _protocol = _status = _fileName = _fileSource = null;
        _bytesTransferred = _duration = null;
    }

    protected override bool ReadAttributes(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Names.Find(ref reader, Strings, out var unknown);
            reader.Read();
            var read = field switch
            {
                0 => ReadCreated(ref reader),
                1 => TryReadString(ref reader, cached: false, out _sessionId),
                2 => TryReadString(ref reader, cached: true, out _ipAddress),
                3 => TryReadString(ref reader, cached: true, out _username),
                4 => TryReadString(ref reader, cached: true, out _operation),
                5 => TryReadString(ref reader, cached: true, out _protocol),
                6 => TryReadString(ref reader, cached: true, out _status),
                7 => TryReadString(ref reader, cached: false, out _fileName),
                8 => TryReadString(ref reader, cached: true, out _fileSource),
                9 => TryReadInt64(ref reader, out _bytesTransferred),
                10 => TryReadInt64(ref reader, out _duration),
                _ => AddUnknown(unknown!, ref reader, json),
            };
            if (!read)
            {
                return false;
            }
        }

        return true;
    }

    protected override AuditEvent Map(long id)
    {
        var (code, action, name, category) = Lookup(_operation);
        AddDetail("protocol", _protocol);
        AddDetail("sessionId", _sessionId);
        AddDetail("status", _status);
        AddDetail("fileSource", _fileSource);
        AddDetail("bytesTransferred", _bytesTransferred);
        AddDetail("duration", _duration);
        if (action is AuditActions.Rename or AuditActions.Move)
        {
            AddDetail("oldPath", _fileSource);
        }

        return new AuditEvent
        {
            Source = ExaVaultSourceNames.Source,
            Stream = ExaVaultSourceNames.SessionStream,
            SourceId = id.ToString(CultureInfo.InvariantCulture),
            Time = Time,
            Offset = Offset,
            Category = category,
            Action = action,
            Outcome = SessionMapper.OutcomeOf(action, _status),
            Actor = ActorOf(_username),
            Ip = EntryParts.NullIfEmpty(_ipAddress),
            Resource = EntryParts.NullIfEmpty(_fileName),
            VendorAction = code ?? string.Empty,
            VendorActionName = name,
            Details = BuildDetails(),
        };
    }

    protected override ExaVaultParsedPage ParseWithDtos(ReadOnlySpan<byte> body, int status) =>
        ParseWithDtos(body, status, ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultSessionAttributes, SessionMapper.Map);

    /// <summary>Looks the code up once per (cached) code string rather than once per entry.</summary>
    private (string? Code, string Action, string? Name, AuditCategory Category) Lookup(string? code)
    {
        if (code is null)
        {
            return (null, AuditActions.Other, null, AuditActions.All[AuditActions.Other]);
        }

        ref var slot = ref _operations[RuntimeHelpers.GetHashCode(code) & (OperationSlots - 1)];
        if (!ReferenceEquals(slot.Code, code))
        {
            var (action, name) = OperationCodes.Lookup(code);
            slot = (code, action, name, AuditActions.All[action]);
        }

        return slot;
    }
}
