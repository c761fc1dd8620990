using System.Globalization;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Reads a webhook log page straight into events, equal to <see cref="WebhookMapper.Map"/> over the
/// <see cref="ExaVaultJsonContext"/> DTOs (see <see cref="ExaVaultPageParser"/>). The nested <c>details</c> object is
/// walked once for the fields either format carries, then kept as its raw text.
/// </summary>
internal sealed class WebhookPageParser : ExaVaultPageParser
{
    private static readonly PropertyNames Names = new(
        "webhookId", "webhookFormat", "webhookPath", "accountId", "attemptId", "resend", "created", "endpointUrl", "event",
        "status", "response", "ipAddress", "resourcePath", "username", "details");

    private const int RecentFormat = 0;
    private const int RecentAccount = 1;
    private const int RecentResponse = 2;
    private const int RecentIpAddress = 3;
    private const int RecentUsername = 4;

    private const int InnerOther = 0;
    private const int InnerProtocol = 1;
    private const int InnerAttempt = 2;
    private const int InnerEventTimestamp = 3;
    private const int InnerUsername = 4;
    private const int InnerIpAddress = 5;
    private const int InnerEventData = 6;

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

    // What WebhookMapper reads from an object-valued details (JsonElement.TryGetProperty: exact name, last one wins).
    private AuditValue? _innerProtocol;
    private AuditValue? _innerAttempt;
    private AuditValue? _innerEventTimestamp;
    private AuditValue? _innerTransferStatus;
    private string? _innerUsername;
    private string? _innerIpAddress;

    public WebhookPageParser(Utf8StringCache strings, bool includeRawRecord = false)
        : base(strings, includeRawRecord)
    {
    }

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
                2 => TryReadString(ref reader, cached: true, out _webhookPath),
                3 => TryReadRecent(ref reader, json, RecentAccount, out _accountId),
                4 => TryReadString(ref reader, cached: false, out _attemptId),
                5 => TryReadBoolean(ref reader, out _resend),
                6 => ReadCreated(ref reader),
                7 => TryReadString(ref reader, cached: true, out _endpointUrl),
                8 => TryReadString(ref reader, cached: true, out _event),
                9 => TryReadInt32(ref reader, out _status),
                10 => TryReadRecent(ref reader, json, RecentResponse, out _response),
                11 => TryReadRecent(ref reader, json, RecentIpAddress, out _ipAddress),
                12 => TryReadString(ref reader, cached: false, out _resourcePath),
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
            Source = ExaVaultSourceNames.Source,
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
        };
    }

    protected override ExaVaultParsedPage ParseWithDtos(ReadOnlySpan<byte> body, int status) =>
        ParseWithDtos(body, status, ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultWebhookAttributes, WebhookMapper.Map);

    /// <summary>
    /// The index of a name spelt exactly as the server spells it, or -1: a length switch and one comparison, since
    /// nearly every name of every entry takes this path.
    /// </summary>
    private static int ExactField(ReadOnlySpan<byte> name) => name.Length switch
    {
        5 => name.SequenceEqual("event"u8) ? 8 : -1,
        6 => name[0] switch
        {
            (byte)'r' when name.SequenceEqual("resend"u8) => 5,
            (byte)'s' when name.SequenceEqual("status"u8) => 9,
            _ => -1,
        },
        7 => name[0] switch
        {
            (byte)'c' when name.SequenceEqual("created"u8) => 6,
            (byte)'d' when name.SequenceEqual("details"u8) => 14,
            _ => -1,
        },
        8 => name[0] switch
        {
            (byte)'r' when name.SequenceEqual("response"u8) => 10,
            (byte)'u' when name.SequenceEqual("username"u8) => 13,
            _ => -1,
        },
        9 => name[1] switch
        {
            (byte)'e' when name.SequenceEqual("webhookId"u8) => 0,
            (byte)'c' when name.SequenceEqual("accountId"u8) => 3,
            (byte)'t' when name.SequenceEqual("attemptId"u8) => 4,
            (byte)'p' when name.SequenceEqual("ipAddress"u8) => 11,
            _ => -1,
        },
        11 => name[0] switch
        {
            (byte)'w' when name.SequenceEqual("webhookPath"u8) => 2,
            (byte)'e' when name.SequenceEqual("endpointUrl"u8) => 7,
            _ => -1,
        },
        12 => name.SequenceEqual("resourcePath"u8) ? 12 : -1,
        13 => name.SequenceEqual("webhookFormat"u8) ? 1 : -1,
        _ => -1,
    };

    private bool ReadDetails(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        ResetInner();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                _details = null;
                return true;
            case JsonTokenType.StartObject:
                var start = reader.TokenStartIndex;
                if (!ReadDetailsObject(ref reader, json))
                {
                    return false;
                }

                _details = JsonAuditValues.FromCompletedValue(ref reader, json, start);
                return true;
            default:
                _details = JsonAuditValues.Read(ref reader, json, Strings);
                return true;
        }
    }

    /// <summary>
    /// Walks an object-valued details once, from its start to its end, picking the fields either format carries; the
    /// caller then keeps the whole object as its raw text.
    /// </summary>
    /// <returns><see langword="false"/> for an escaped name, which the DTO path compares unescaped.</returns>
    private bool ReadDetailsObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var field = InnerField(reader.ValueSpan);
            reader.Read();
            if (field == InnerProtocol)
            {
                _innerProtocol = ReadInner(ref reader, json, Strings);
            }
            else if (field == InnerAttempt)
            {
                _innerAttempt = ReadInner(ref reader, json, Strings);
            }
            else if (field == InnerEventTimestamp)
            {
                _innerEventTimestamp = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
                    ? AuditValue.FromString(Decode(ref reader))
                    : ReadInner(ref reader, json, null);
            }
            else if (field == InnerUsername)
            {
                _innerUsername = ReadInnerText(ref reader, json, RecentUsername);
            }
            else if (field == InnerIpAddress)
            {
                _innerIpAddress = ReadInnerText(ref reader, json, RecentIpAddress);
            }
            else if (field == InnerEventData)
            {
                _innerTransferStatus = null;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueIsEscaped)
                    {
                        return false;
                    }

                    var isTransferStatus = reader.ValueSpan.Length == 14 && reader.ValueSpan.SequenceEqual("transferStatus"u8);
                    reader.Read();
                    if (isTransferStatus)
                    {
                        _innerTransferStatus = ReadInner(ref reader, json, Strings);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    /// <summary>The field of details a name (exact, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> compares) stands for.</summary>
    private static int InnerField(ReadOnlySpan<byte> name) => name.Length switch
    {
        7 => name.SequenceEqual("attempt"u8) ? InnerAttempt : InnerOther,
        8 => name[0] switch
        {
            (byte)'p' when name.SequenceEqual("protocol"u8) => InnerProtocol,
            (byte)'u' when name.SequenceEqual("username"u8) => InnerUsername,
            _ => InnerOther,
        },
        9 => name[0] switch
        {
            (byte)'i' when name.SequenceEqual("ipAddress"u8) => InnerIpAddress,
            (byte)'e' when name.SequenceEqual("eventData"u8) => InnerEventData,
            _ => InnerOther,
        },
        14 => name.SequenceEqual("eventTimestamp"u8) ? InnerEventTimestamp : InnerOther,
        _ => InnerOther,
    };

    private static AuditValue? ReadInner(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Utf8StringCache? strings) =>
        reader.TokenType == JsonTokenType.Null ? (AuditValue?)null : JsonAuditValues.Read(ref reader, json, strings);

    /// <summary>Reads a text of details; the outer field of the same name (<paramref name="slot"/>) usually has it too.</summary>
    private string? ReadInnerText(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int slot)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return EntryParts.NullIfEmpty(reader.ValueIsEscaped ? Strings.GetString(ref reader) : GetRecent(ref reader, json, slot));
        }

        reader.Skip();
        return null;
    }

    private void ResetInner()
    {
        _innerProtocol = _innerAttempt = _innerEventTimestamp = _innerTransferStatus = null;
        _innerUsername = _innerIpAddress = null;
    }
}
