using System.Text.Json.Serialization;
using AuditAggregator.DocSpace.Internal;

namespace AuditAggregator.DocSpace;

/// <summary>
/// The state of a login-history report (<c>DocumentBuilderTaskDto</c>).
/// </summary>
/// <remarks>
/// Servers of the v3.7 and v3.8 branches build the report synchronously and answer only the file's URL; the client
/// presents that answer as a job that is already <see cref="DocSpaceReportStatus.Completed"/>, with no <see cref="Id"/>.
/// </remarks>
public sealed record DocSpaceReportJob
{
    /// <summary>Gets the job's id, or <see langword="null"/> for a synchronously built report.</summary>
    public string? Id { get; init; }

    /// <summary>Gets how far the build has got, 0 to 100.</summary>
    public int Percentage { get; init; }

    /// <summary>Gets a value indicating whether the job has stopped, for any reason.</summary>
    public bool IsCompleted { get; init; }

    /// <summary>Gets how the job ended, or that it has not.</summary>
    public DocSpaceReportStatus Status { get; init; }

    /// <summary>Gets the failure message of a failed job.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the id of the file built (XLSX only); the spec types it <c>null</c> but the server sends a number.</summary>
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? ResultFileId { get; init; }

    /// <summary>Gets the name of the file built.</summary>
    public string? ResultFileName { get; init; }

    /// <summary>Gets the address of the file built, absolute or relative to the portal.</summary>
    public string? ResultFileUrl { get; init; }
}
