namespace AuditAggregator.ConsoleApp.Output;

/// <summary>Where an event lands in OCSF: its class, category and activity.</summary>
internal readonly record struct OcsfClass(int ClassUid, string ClassName, int CategoryUid, string CategoryName, int ActivityId, string ActivityName)
{
    /// <summary>Gets the OCSF <c>type_uid</c>: the class times 100 plus the activity.</summary>
    public long TypeUid => (ClassUid * 100L) + ActivityId;
}
