using System.Text.Json;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The success envelope of the report routes: <c>response</c> is a URL string on servers that build the report
/// synchronously (v3.7, v3.8), a <c>DocumentBuilderTaskDto</c> object on newer ones, or absent/null when no job is known.
/// </summary>
internal sealed class ReportEnvelope
{
    public JsonElement Response { get; set; }

    public int? Status { get; set; }

    public int? StatusCode { get; set; }

    public ErrorDetail? Error { get; set; }
}
