using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AuditAggregator.Simulators.Hosting.Internal;

/// <summary>What differs between the vendors around the routes: admission (rate limits) and the shape of error answers.</summary>
internal interface IVendorBehaviour
{
    /// <summary>Maps the vendor's routes.</summary>
    void MapRoutes(IEndpointRouteBuilder endpoints);

    /// <summary>Admits a request, or writes a rejection (e.g. an exhausted allowance) and returns false.</summary>
    ValueTask<bool> AdmitAsync(HttpContext context);

    /// <summary>Writes the vendor's 429 answer.</summary>
    Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan? retryAfter);

    /// <summary>Writes the vendor's JSON error body for a server error.</summary>
    Task WriteServerErrorAsync(HttpContext context, int statusCode);
}
