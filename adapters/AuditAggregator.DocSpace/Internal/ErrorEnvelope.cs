using System.Text.Json;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// An error body: <c>{"status":1,"statusCode":N,"error":{...}}</c>, or for a 400 from parameter validation the
/// success envelope with <c>status: 1</c> and a problem-details object in <c>response</c>.
/// </summary>
/// <remarks>The vendor's <c>stack</c> and <c>type</c> are deliberately not modelled, so they cannot leak.</remarks>
internal sealed class ErrorEnvelope
{
    public int? Status { get; set; }

    public int? StatusCode { get; set; }

    public ErrorDetail? Error { get; set; }

    public JsonElement Response { get; set; }
}
