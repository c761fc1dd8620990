using AuditAggregator.ConsoleApp.Output;
using NodaTime;

namespace AuditAggregator.ConsoleApp.Tests.Output;

/// <summary>
/// The DocSpace audit trail's file and sharing events land in OCSF File Hosting Activity (6006) and ECS
/// <c>event.category: file</c>, like ExaVault's; the verbs only the trail has get their nearest activity or type.
/// </summary>
public sealed class TrailClassificationTests
{
    private static AuditEvent Event(AuditCategory category, string action) => new()
    {
        Source = "docspace",
        Vendor = "docspace",
        Stream = "audit",
        SourceId = "1",
        Time = Instant.FromUtc(2025, 6, 2, 9, 0),
        Category = category,
        Action = action,
        Outcome = AuditOutcome.Success,
        VendorAction = "5000",
    };

    [Theory]
    [InlineData(AuditCategory.File, AuditActions.Upload, 1, "creation")]
    [InlineData(AuditCategory.File, AuditActions.Download, 2, "access")]
    [InlineData(AuditCategory.File, AuditActions.Update, 3, "change")]
    [InlineData(AuditCategory.File, AuditActions.Delete, 4, "deletion")]
    [InlineData(AuditCategory.File, AuditActions.Move, 7, "change")]
    [InlineData(AuditCategory.File, AuditActions.Create, 99, "creation")]
    [InlineData(AuditCategory.File, AuditActions.Archive, 99, "change")]
    [InlineData(AuditCategory.File, AuditActions.CreateFolder, 99, "creation")]
    [InlineData(AuditCategory.Sharing, AuditActions.ShareUpdate, 3, "change")]
    [InlineData(AuditCategory.Sharing, AuditActions.DirectLinkCreate, 12, "creation")]
    [InlineData(AuditCategory.Sharing, AuditActions.DirectLinkDelete, 13, "deletion")]
    public void Classify_TrailFileAndSharingEvents_FileHostingAndFileCategory(AuditCategory category, string action, int activity, string ecsType)
    {
        var e = Event(category, action);

        var ocsf = OcsfClassifier.Classify(e);
        var (categories, types) = EcsClassifier.Classify(e);

        Assert.Equal((6006, activity), (ocsf.ClassUid, ocsf.ActivityId));
        Assert.Equal(["file"], categories);
        Assert.Equal([ecsType], types);
    }
}
