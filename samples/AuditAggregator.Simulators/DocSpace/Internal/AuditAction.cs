namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// One audit-trail code and what the server's mappers derive for it. <see cref="Text"/> is the English sentence with
/// <c>{0}</c> the subject's title and <c>{1}</c>, <c>{2}</c> the second and third values the event carries.
/// </summary>
internal sealed record AuditAction(int Code, string Name, int Location, int ActionType, int[] Entries, string Text)
{
    public bool IsRoom => Location == AuditEnums.Rooms;

    public bool IsFolder => Location == AuditEnums.Folders;
}
