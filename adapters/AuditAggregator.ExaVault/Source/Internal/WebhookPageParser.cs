using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Reads a webhook log page into events (see <see cref="ExaVaultPageParser"/>); <see cref="Map"/> is the one place a
/// webhook entry becomes an <see cref="AuditEvent"/>, reading <c>details</c> in the shape its <c>webhookFormat</c>
/// names (<c>v1</c>, also when missing, or <c>v2</c>; an unknown format keeps the raw details only). The nested
/// <c>details</c> object is walked once for the fields either format carries, then kept as its raw text.
/// </summary>
internal sealed partial class WebhookPageParser : ExaVaultPageParser
{
    private static readonly PropertyNames Names = new(
        "webhookId", "webhookFormat", "webhookPath", "accountId", "attemptId", "resend", "created", "endpointUrl", "event",
        "status", "response", "ipAddress", "resourcePath", "username", "details");

    // The names' keys (see ExactField): the whole name up to 8 bytes, else its first 8 bytes and its last 8
    // (username and ipAddress are with the keys of details).
    private static readonly ulong WebhookIdHead = NameKey.Head("webhookId"u8);
    private static readonly ulong WebhookIdTail = NameKey.Tail("webhookId"u8);
    private static readonly ulong WebhookFormatHead = NameKey.Head("webhookFormat"u8);
    private static readonly ulong WebhookFormatTail = NameKey.Tail("webhookFormat"u8);
    private static readonly ulong WebhookPathHead = NameKey.Head("webhookPath"u8);
    private static readonly ulong WebhookPathTail = NameKey.Tail("webhookPath"u8);
    private static readonly ulong AccountIdHead = NameKey.Head("accountId"u8);
    private static readonly ulong AccountIdTail = NameKey.Tail("accountId"u8);
    private static readonly ulong AttemptIdHead = NameKey.Head("attemptId"u8);
    private static readonly ulong AttemptIdTail = NameKey.Tail("attemptId"u8);
    private static readonly ulong ResendKey = NameKey.Head("resend"u8);
    private static readonly ulong CreatedKey = NameKey.Head("created"u8);
    private static readonly ulong EndpointUrlHead = NameKey.Head("endpointUrl"u8);
    private static readonly ulong EndpointUrlTail = NameKey.Tail("endpointUrl"u8);
    private static readonly ulong EventKey = NameKey.Head("event"u8);
    private static readonly ulong StatusKey = NameKey.Head("status"u8);
    private static readonly ulong ResponseKey = NameKey.Head("response"u8);
    private static readonly ulong ResourcePathHead = NameKey.Head("resourcePath"u8);
    private static readonly ulong ResourcePathTail = NameKey.Tail("resourcePath"u8);
    private static readonly ulong DetailsKey = NameKey.Head("details"u8);

    private const int RecentFormat = 0;
    private const int RecentAccount = 1;
    private const int RecentResponse = 2;
    private const int RecentIpAddress = 3;
    private const int RecentUsername = 4;

    private long? _webhookId;
    private string? _webhookFormat;
    private string? _webhookPath;
    private string? _accountId;
    private string? _attemptId;
    private bool? _resend;
    private string? _endpointUrl;
    private string? _event;
    private int? _status;
    private string? _response;
    private string? _ipAddress;
    private string? _resourcePath;
    private string? _username;
    private AuditValue? _details;

    public WebhookPageParser(string sourceName, Utf8StringCache strings, bool includeRawRecord = false)
        : base(sourceName, strings, includeRawRecord)
    {
    }

    protected override string StreamName => ExaVaultSourceNames.WebhookStream;

    protected override void ResetAttributes()
    {
        base.ResetAttributes();
        _webhookId = null;
        _webhookFormat = _webhookPath = _accountId = _attemptId = _endpointUrl = _event = _response = _ipAddress = _resourcePath = _username = null;
        _resend = null;
        _status = null;
        _details = null;
        ResetInner();
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
                0 => TryReadInt64(ref reader, out _webhookId),
                1 => TryReadRecent(ref reader, json, RecentFormat, out _webhookFormat),
                2 => ReadCached(ref reader, out _webhookPath),
                3 => TryReadRecent(ref reader, json, RecentAccount, out _accountId),
                4 => ReadText(ref reader, out _attemptId),
                5 => TryReadBoolean(ref reader, out _resend),
                6 => ReadCreated(ref reader),
                7 => ReadCached(ref reader, out _endpointUrl),
                8 => ReadCached(ref reader, out _event),
                9 => TryReadInt32(ref reader, out _status),
                10 => TryReadRecent(ref reader, json, RecentResponse, out _response),
                11 => TryReadRecent(ref reader, json, RecentIpAddress, out _ipAddress),
                12 => ReadText(ref reader, out _resourcePath),
                13 => TryReadRecent(ref reader, json, RecentUsername, out _username),
                14 => ReadDetails(ref reader, json),
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
        var format = _webhookFormat;
        var isV1 = string.IsNullOrEmpty(format) || string.Equals(format, "v1", StringComparison.OrdinalIgnoreCase);
        var isV2 = string.Equals(format, "v2", StringComparison.OrdinalIgnoreCase);
        var protocol = isV1 || isV2 ? _innerProtocol : null;
        var attempt = isV1 ? _innerAttempt : null;
        var eventTimestamp = isV2 ? _innerEventTimestamp : null;
        var transferStatus = isV2 ? _innerTransferStatus : null;
        var details = StartDetails(Has(_endpointUrl) + Has(_status) + Has(_response) + Has(_attemptId) + Has(_resend) + Has(_webhookId)
            + Has(_webhookPath) + Has(_accountId) + Has(format) + Has(protocol) + Has(attempt) + Has(eventTimestamp) + Has(transferStatus) + Has(_details));
        var count = 0;
        Put(details, ref count, "endpointUrl", _endpointUrl);
        Put(details, ref count, "status", _status);
        Put(details, ref count, "response", _response);
        Put(details, ref count, "attemptId", _attemptId);
        Put(details, ref count, "resend", _resend);
        Put(details, ref count, "webhookId", _webhookId);
        Put(details, ref count, "webhookPath", _webhookPath);
        Put(details, ref count, "accountId", _accountId);
        Put(details, ref count, "webhookFormat", format);
        Put(details, ref count, "protocol", protocol);
        Put(details, ref count, "attempt", attempt);
        Put(details, ref count, "eventTimestamp", eventTimestamp);
        Put(details, ref count, "transferStatus", transferStatus);
        Put(details, ref count, "details", _details);
        return new AuditEvent
        {
            Source = SourceName,
            Vendor = ExaVaultSourceNames.Vendor,
            Stream = ExaVaultSourceNames.WebhookStream,
            SourceId = id.ToString(CultureInfo.InvariantCulture),
            Time = Time,
            Offset = Offset,
            Category = AuditCategory.Webhook,
            Action = AuditActions.WebhookDelivery,
            Outcome = _status switch
            {
                null => AuditOutcome.Unknown,
                >= 200 and < 300 => AuditOutcome.Success,
                _ => AuditOutcome.Failure,
            },
            Actor = ActorOf(EntryParts.NullIfEmpty(_username) ?? _innerUsername),
            Ip = EntryParts.NullIfEmpty(_ipAddress) ?? (isV2 ? _innerIpAddress : null),
            Resource = EntryParts.NullIfEmpty(_resourcePath),
            VendorAction = _event ?? string.Empty,
            Details = FinishDetails(details, count),
            RawRecord = RawRecord,
        };
    }

    protected override ExaVaultParsedPage ParseWithDtos(ReadOnlySpan<byte> body, int status) =>
        ParseWithDtos(body, status, ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultWebhookAttributes, Load);

    /// <summary>
    /// The index of a name spelt exactly as the server spells it, or -1: a length switch and integer comparisons
    /// (<see cref="NameKey"/>), since nearly every name of every entry takes this path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ExactField(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 5:
                return NameKey.Short(name) == EventKey ? 8 : -1;
            case 6:
                var six = NameKey.Short(name);
                return six == ResendKey ? 5 : six == StatusKey ? 9 : -1;
            case 7:
                var seven = NameKey.Short(name);
                return seven == CreatedKey ? 6 : seven == DetailsKey ? 14 : -1;
            case 8:
                var eight = NameKey.First8(name);
                return eight == ResponseKey ? 10 : eight == UsernameKey ? 13 : -1;
            case 9:
                var nine = NameKey.First8(name);
                var last = NameKey.Last8(name);
                return nine == WebhookIdHead && last == WebhookIdTail ? 0
                    : nine == AccountIdHead && last == AccountIdTail ? 3
                    : nine == AttemptIdHead && last == AttemptIdTail ? 4
                    : nine == IpAddressHead && last == IpAddressTail ? 11
                    : -1;
            case 11:
                var eleven = NameKey.First8(name);
                var end = NameKey.Last8(name);
                return eleven == WebhookPathHead && end == WebhookPathTail ? 2 : eleven == EndpointUrlHead && end == EndpointUrlTail ? 7 : -1;
            case 12:
                return NameKey.First8(name) == ResourcePathHead && NameKey.Last8(name) == ResourcePathTail ? 12 : -1;
            case 13:
                return NameKey.First8(name) == WebhookFormatHead && NameKey.Last8(name) == WebhookFormatTail ? 1 : -1;
            default:
                return -1;
        }
    }
}
