namespace AuditAggregator.Simulators;

/// <summary>The portal's pricing-plan situation, which decides how the login-history routes answer.</summary>
public enum DocSpacePlan
{
    /// <summary>The plan includes the audit option: every route works as documented.</summary>
    Full,

    /// <summary>No audit option: <c>/filter</c> ignores its filters and returns the 20 newest events (status 200); <c>/report</c> answers 402.</summary>
    NoAuditPlan,

    /// <summary>The plan or portal does not allow the login history: 402 "Your pricing plan does not support this option".</summary>
    PlanForbids,

    /// <summary>The portal is unpaid: 402 with an empty body.</summary>
    Unpaid,
}
