using Microsoft.AspNetCore.Http;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// Authentication, then the admin right, then the plan: the checks every login-history and audit-trail route makes,
/// in the order the server makes them. Writes the refusal and returns false when one fails.
/// </summary>
internal sealed class DocSpaceAccess
{
    private readonly DocSpaceAuthenticator _authenticator;
    private readonly DocSpacePlan _plan;

    public DocSpaceAccess(DocSpaceSimulatorOptions options)
    {
        _authenticator = new DocSpaceAuthenticator(options.Credentials);
        _plan = options.Plan;
    }

    /// <param name="context">The request.</param>
    /// <param name="needsAuditOption">Whether the route needs the plan's audit option (the reports) rather than only the section being visible.</param>
    public async Task<bool> AuthorizeAsync(HttpContext context, bool needsAuditOption)
    {
        var credential = _authenticator.Authenticate(context.Request);
        if (credential is null)
        {
            context.Response.StatusCode = 401;
            return false;
        }

        if (!credential.IsAdmin)
        {
            await DocSpaceWriter.WriteErrorAsync(context, 403, "Access denied", "System.Security.SecurityException").ConfigureAwait(false);
            return false;
        }

        if (_plan == DocSpacePlan.Unpaid)
        {
            context.Response.StatusCode = 402;
            return false;
        }

        if (_plan == DocSpacePlan.PlanForbids || (needsAuditOption && _plan == DocSpacePlan.NoAuditPlan))
        {
            await DocSpaceWriter.WriteErrorAsync(context, 402, "Your pricing plan does not support this option", "ASC.Core.Billing.BillingNotFoundException").ConfigureAwait(false);
            return false;
        }

        return true;
    }
}
