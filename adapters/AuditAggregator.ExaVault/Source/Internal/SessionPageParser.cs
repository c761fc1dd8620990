using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Reads a session activity page into events (see <see cref="ExaVaultPageParser"/>); <see cref="Map"/> is the one
/// place a session entry becomes an <see cref="AuditEvent"/> (see <c>audit-event.md</c>).
/// </summary>
internal sealed class SessionPageParser : ExaVaultPageParser
{
    private const int OperationSlotBits = 7;

    private static readonly PropertyNames Names = new(
        "created", "sessionId", "ipAddress", "username", "operation", "protocol", "status", "fileName", "fileSource", "bytesTransferred", "duration");

    private static readonly Operation NoOperation = new(null);

    // The names' keys (see ExactField): the whole name up to 8 bytes, else its first 8 bytes and (Tails) its last 8.
    private static readonly ulong[] Tails = Names.Tails();
    private static readonly ulong StatusKey = NameKey.Head("status"u8);
    private static readonly ulong CreatedKey = NameKey.Head("created"u8);
    private static readonly ulong UsernameKey = NameKey.Head("username"u8);
    private static readonly ulong ProtocolKey = NameKey.Head("protocol"u8);
    private static readonly ulong FileNameKey = NameKey.Head("fileName"u8);
    private static readonly ulong DurationKey = NameKey.Head("duration"u8);
    private static readonly ulong SessionIdHead = NameKey.Head("sessionId"u8);
    private static readonly ulong IpAddressHead = NameKey.Head("ipAddress"u8);
    private static readonly ulong OperationHead = NameKey.Head("operation"u8);
    private static readonly ulong FileSourceHead = NameKey.Head("fileSource"u8);
    private static readonly ulong BytesTransferredHead = NameKey.Head("bytesTransferred"u8);

    private readonly Operation?[] _operations = new Operation?[1 << OperationSlotBits];

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

    // The last status OutcomeOf looked at, and what it found.
    private string? _outcomeStatus;
    private bool _statusFailed;
    private bool _statusPlain;

    public SessionPageParser(string sourceName, Utf8StringCache strings, bool includeRawRecord = false)
        : base(sourceName, strings, includeRawRecord)
    {
    }

    protected override string StreamName => ExaVaultSourceNames.SessionStream;

    /// <summary>
    /// The outcome of a session entry: <c>failed</c> is a failure; otherwise a login is a success only with the
    /// ordinary <c>-</c> (or no status), other known operations are successes, and unknown ones stay unknown.
    /// </summary>
    internal static AuditOutcome OutcomeOf(string action, string? status)
    {
        var (failed, plain) = StatusOf(status);
        return Decide(action == AuditActions.Other, action == AuditActions.Login, failed, plain);
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
            string? unknown = null;
            var field = reader.ValueIsEscaped ? -1 : ExactField(reader.ValueSpan);
            if (field < 0)
            {
                field = Names.Find(ref reader, Strings, out unknown);
            }

            reader.Read();
            var read = field switch
            {
                0 => ReadCreated(ref reader),
                1 => ReadText(ref reader, out _sessionId),
                2 => ReadCached(ref reader, out _ipAddress),
                3 => ReadCached(ref reader, out _username),
                4 => ReadCached(ref reader, out _operation),
                5 => ReadCached(ref reader, out _protocol),
                6 => TryReadRecent(ref reader, json, 0, out _status),
                7 => ReadText(ref reader, out _fileName),
                8 => ReadCached(ref reader, out _fileSource),
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
        var operation = Lookup(_operation);
        var renamed = operation.Renamed;
        var details = StartDetails(Has(_protocol) + Has(_sessionId) + Has(_status) + Has(_fileSource) + Has(_bytesTransferred) + Has(_duration)
            + (renamed ? Has(_fileSource) : 0));
        var count = 0;
        Put(details, ref count, "protocol", _protocol);
        Put(details, ref count, "sessionId", _sessionId);
        Put(details, ref count, "status", _status);
        Put(details, ref count, "fileSource", _fileSource);
        Put(details, ref count, "bytesTransferred", _bytesTransferred);
        Put(details, ref count, "duration", _duration);
        if (renamed)
        {
            Put(details, ref count, "oldPath", _fileSource);
        }

        return new AuditEvent
        {
            Source = SourceName,
            Vendor = ExaVaultSourceNames.Vendor,
            Stream = ExaVaultSourceNames.SessionStream,
            SourceId = id.ToString(CultureInfo.InvariantCulture),
            Time = Time,
            Offset = Offset,
            Category = operation.Category,
            Action = operation.Action,
            Outcome = OutcomeOf(operation, _status),
            Actor = ActorOf(_username),
            Ip = EntryParts.NullIfEmpty(_ipAddress),
            Resource = EntryParts.NullIfEmpty(_fileName),
            VendorAction = operation.Code ?? string.Empty,
            VendorActionName = operation.Name,
            Details = FinishDetails(details, count),
            RawRecord = RawRecord,
        };
    }

    protected override ExaVaultParsedPage ParseWithDtos(ReadOnlySpan<byte> body, int status) =>
        ParseWithDtos(body, status, ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultSessionAttributes, Load);

    /// <summary>Loads a DTO's attributes into the fields <see cref="ReadAttributes"/> fills.</summary>
    private void Load(ExaVaultSessionAttributes attributes)
    {
        LoadCreated(attributes.Created);
        _sessionId = attributes.SessionId;
        _ipAddress = attributes.IpAddress;
        _username = attributes.Username;
        _operation = attributes.Operation;
        _protocol = attributes.Protocol;
        _status = attributes.Status;
        _fileName = attributes.FileName;
        _fileSource = attributes.FileSource;
        _bytesTransferred = attributes.BytesTransferred;
        _duration = attributes.Duration;
        LoadUnknown(attributes.AdditionalAttributes);
    }

    /// <summary>
    /// The index of a name spelt exactly as the server spells it, or -1: a length switch and integer comparisons
    /// (<see cref="NameKey"/>), since nearly every name of every entry takes this path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ExactField(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 6:
                return NameKey.Short(name) == StatusKey ? 6 : -1;
            case 7:
                return NameKey.Short(name) == CreatedKey ? 0 : -1;
            case 8:
                var key = NameKey.First8(name);
                return key == UsernameKey ? 3 : key == ProtocolKey ? 5 : key == FileNameKey ? 7 : key == DurationKey ? 10 : -1;
            case 9:
                var head = NameKey.First8(name);
                var field = head == SessionIdHead ? 1 : head == IpAddressHead ? 2 : head == OperationHead ? 4 : -1;
                return field >= 0 && NameKey.Last8(name) == Tails[field] ? field : -1;
            case 10:
                return NameKey.First8(name) == FileSourceHead && NameKey.Last8(name) == Tails[8] ? 8 : -1;
            case 16:
                return NameKey.First8(name) == BytesTransferredHead && NameKey.Last8(name) == Tails[9] ? 9 : -1;
            default:
                return -1;
        }
    }

    /// <summary><see cref="OutcomeOf(string, string?)"/>, with the status looked at once per (cached) status string.</summary>
    private AuditOutcome OutcomeOf(Operation operation, string? status)
    {
        if (!ReferenceEquals(status, _outcomeStatus) || status is null)
        {
            _outcomeStatus = status;
            (_statusFailed, _statusPlain) = StatusOf(status);
        }

        return Decide(operation.IsOther, operation.IsLogin, _statusFailed, _statusPlain);
    }

    private static (bool Failed, bool Plain) StatusOf(string? status)
    {
        var trimmed = status?.Trim();
        return (string.Equals(trimmed, "failed", StringComparison.OrdinalIgnoreCase), string.IsNullOrEmpty(trimmed) || trimmed == "-");
    }

    private static AuditOutcome Decide(bool isOther, bool isLogin, bool failed, bool plain) =>
        failed ? AuditOutcome.Failure
        : isOther ? AuditOutcome.Unknown
        : isLogin ? (plain ? AuditOutcome.Success : AuditOutcome.Unknown)
        : AuditOutcome.Success;

    /// <summary>Looks the code up once per (cached) code string rather than once per entry.</summary>
    private Operation Lookup(string? code)
    {
        if (code is null)
        {
            return NoOperation;
        }

        ref var slot = ref _operations[Slot(code, OperationSlotBits)];
        if (slot is not { } known || !ReferenceEquals(known.Code, code))
        {
            known = slot = new Operation(code);
        }

        return known;
    }

    /// <summary>An operation code and what the mapper derives from it, looked up once per code string.</summary>
    private sealed class Operation
    {
        public Operation(string? code)
        {
            Code = code;
            (Action, Name) = OperationCodes.Lookup(code);
            Category = AuditActions.All[Action];
            Renamed = Action is AuditActions.Rename or AuditActions.Move;
            IsOther = Action == AuditActions.Other;
            IsLogin = Action == AuditActions.Login;
        }

        public string? Code { get; }

        public string Action { get; }

        public string? Name { get; }

        public AuditCategory Category { get; }

        public bool Renamed { get; }

        public bool IsOther { get; }

        public bool IsLogin { get; }
    }
}
