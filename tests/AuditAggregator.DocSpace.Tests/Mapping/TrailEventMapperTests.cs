using System.Text;
using AuditAggregator.DocSpace.Internal;
using AuditAggregator.DocSpace.Tests.Support;

namespace AuditAggregator.DocSpace.Tests.Mapping;

/// <summary>
/// The audit-trail mapping of audit-event.md ("The DocSpace audit trail"), copied here as the expected table: every
/// code of the trail's file, folder, room and link events gets its action; unknown codes are "other", kept.
/// </summary>
public class TrailEventMapperTests
{
    public static TheoryData<int, string, string, string?> Codes => new()
    {
        { 5000, "FileCreated", "file/create", null },
        { 5001, "FileRenamed", "file/rename", null },
        { 5002, "FileUpdated", "file/update", null },
        { 5008, "FileUpdatedAccess", "sharing/share-update", null },
        { 5009, "FileDownloaded", "file/download", null },
        { 5010, "FileDownloadedAs", "file/download", null },
        { 5011, "FileUploaded", "file/upload", null },
        { 5012, "FileImported", "file/upload", null },
        { 5013, "FileCopied", "file/copy", null },
        { 5015, "FileMoved", "file/move", null },
        { 5017, "FileMovedToTrash", "file/delete", "trash" },
        { 5018, "FileDeleted", "file/delete", null },
        { 5035, "FileConverted", "file/update", null },
        { 5099, "FileUploadedWithOverwriting", "file/upload", "overwrite" },
        { 5019, "FolderCreated", "file/create-folder", null },
        { 5024, "FolderMoved", "file/move", null },
        { 5026, "FolderMovedToTrash", "file/delete", "trash" },
        { 5027, "FolderDeleted", "file/delete", null },
        { 5057, "FolderDownloaded", "file/download", null },
        { 5070, "RoomCreated", "file/create-folder", "room" },
        { 5072, "RoomArchived", "file/archive", null },
        { 5074, "RoomDeleted", "file/delete", null },
        { 5075, "RoomUpdateAccessForUser", "sharing/share-update", null },
        { 5091, "FileExternalLinkCreated", "sharing/direct-link-create", null },
        { 5092, "FileExternalLinkUpdated", "sharing/direct-link-update", null },
        { 5093, "FileExternalLinkDeleted", "sharing/direct-link-delete", null },
        { 5088, "RoomExternalLinkCreated", "sharing/direct-link-create", null },
        { 5089, "RoomExternalLinkUpdated", "sharing/direct-link-update", null },
        { 5090, "RoomExternalLinkDeleted", "sharing/direct-link-delete", null },
        { 5097, "RoomExternalLinkRevoked", "sharing/direct-link-delete", null },
        { 5122, "FolderExternalLinkCreated", "sharing/direct-link-create", null },
        { 5123, "FolderExternalLinkUpdated", "sharing/direct-link-update", null },
        { 5124, "FolderExternalLinkDeleted", "sharing/direct-link-delete", null },
        { 5086, "RoomInvitationLinkCreated", "sharing/share-create", null },
        { 5061, "TrashEmptied", "file/delete", "trash" },
    };

    private static AuditEvent One(string record)
    {
        var body = Encoding.UTF8.GetBytes("{\"response\":[" + record + "],\"status\":0}");
        return Assert.Single(new TrailPageParser().Parse(body, 200, 1));
    }

    private static string Record(object actionId, string sentence = "x", string context = "My documents") =>
        $"{{\"id\":1,\"date\":\"2025-06-02T12:15:42.0000000+03:00\",\"action\":{System.Text.Json.JsonSerializer.Serialize(sentence)},\"actionId\":{actionId},\"context\":{System.Text.Json.JsonSerializer.Serialize(context)}}}";

    [Theory]
    [MemberData(nameof(Codes))]
    public void Build_EveryListedCode_GetsItsActionAsNumberAndAsName(int code, string name, string categoryAndAction, string? flag)
    {
        foreach (var actionId in new[] { code.ToString(System.Globalization.CultureInfo.InvariantCulture), "\"" + name + "\"" })
        {
            var e = One(Record(actionId));

            Assert.Equal(categoryAndAction, $"{e.Category.ToString().ToLowerInvariant()}/{e.Action}");
            Assert.Equal((code.ToString(System.Globalization.CultureInfo.InvariantCulture), name), (e.VendorAction, e.VendorActionName));
            Assert.Equal((AuditOutcome.Success, "audit", "docspace"), (e.Outcome, e.Stream, e.Vendor));
            Assert.True(AuditActions.IsKnown(e.Action));
            if (flag is not null)
            {
                Assert.True(e.Details[flag].TryGetBoolean(out var set) && set);
            }
        }
    }

    [Fact]
    public void Codes_CoverTheWholeTable()
    {
        Assert.Equal(TrailActionTable.All.Select(a => a.Code).Order(), Codes.Select(row => (int)row[0]).Order());
    }

    [Theory]
    [InlineData(5011, "File Uploaded: contract.docx", "contract.docx")]
    [InlineData(5099, "File uploaded with overwriting: contract.docx", "contract.docx")]
    [InlineData(5035, "File Converted to Internal Format: scan.docx", "scan.docx")]
    [InlineData(5017, "Files [old.pdf]. Moved To Trash Folder", "old.pdf")]
    [InlineData(5010, "Files [plan.docx]. Downloaded As: .pdf", "plan.docx")]
    [InlineData(5091, "Files [plan.docx]. External link created: Shared link. Role: Viewer", "plan.docx")]
    [InlineData(5012, "Folders [Inbox]. File Imported: invoice.pdf. Provider: Box", "invoice.pdf")]
    [InlineData(5019, "Folder Created: Contracts", "Contracts")]
    [InlineData(5026, "Folders [Old]. Moved To Trash Folder", "Old")]
    public void Build_TitleOnlyInTheSentence_BecomesTheResource(int code, string sentence, string title)
    {
        var e = One(Record(code, sentence));

        Assert.Equal(title, e.Resource);
        Assert.Equal(sentence, e.Details["action"].AsString());
    }

    [Fact]
    public void Build_RoomEvent_ResourceIsTheRoomFromContext()
    {
        var e = One(Record(5075, "Anna Lee appointed: Editor", "Rooms: Legal"));

        Assert.Equal("Legal", e.Resource);
        Assert.Equal("Legal", e.Details["room"].AsString());
        Assert.Equal("Rooms: Legal", e.Details["context"].AsString());
    }

    [Fact]
    public void Build_TrashEmptied_NoResourceButTheTrashFlag()
    {
        var e = One(Record(5061, "Trash emptied", "Files"));

        Assert.Null(e.Resource);
        Assert.True(e.Details["trash"].TryGetBoolean(out var trash) && trash);
    }

    [Fact]
    public void Parse_RecordedPage_MoveKeepsBothFoldersAndEnumsReadTheSameAsNumbersOrNames()
    {
        var events = new TrailPageParser("acme-docspace").Parse(Encoding.UTF8.GetBytes(Fixture.Read("audit-filter.200.json")), 200, 2);

        var move = events[0];
        Assert.Equal(("acme-docspace:audit:90412", AuditActions.Move, "Q2-report.xlsx"), (move.Id, move.Action, move.Resource));
        Assert.Equal(("Drafts", "Finance"), (move.Details["fromFolder"].AsString(), move.Details["toFolder"].AsString()));
        Assert.Equal(("40112,1402", "File,Folder"), (move.Details["target"].AsString(), move.Details["entries"].AsString()));
        Assert.Equal(("Move", "Documents", "Files"), (move.Details["actionType"].AsString(), move.Details["product"].AsString(), move.Details["location"].AsString()));
        Assert.Equal(new AuditActor("6d5f1c2a-3b4e-4f70-9a81-2c3d4e5f6a7b", "Maria Keller", null), move.Actor);
        Assert.Equal(("Chrome 126; Windows 10", "Berlin, Germany"), (move.UserAgent, move.Location));
        Assert.Equal(NodaTime.Instant.FromUtc(2025, 6, 2, 9, 15, 42), move.Time);

        var archive = events[1];
        Assert.Equal((AuditActions.Archive, "5072", "RoomArchived", "Finance"), (archive.Action, archive.VendorAction, archive.VendorActionName, archive.Resource));
        Assert.Equal(("Update", "Documents", "Rooms", "Room"), (archive.Details["actionType"].AsString(), archive.Details["product"].AsString(), archive.Details["location"].AsString(), archive.Details["entries"].AsString()));
        Assert.True(archive.Details["tenantHint"].TryGetInt64(out var hint) && hint == 7);
    }

    [Theory]
    [InlineData("5055", "5055", null)]
    [InlineData("\"FileMarkedAsFavorite\"", "FileMarkedAsFavorite", "FileMarkedAsFavorite")]
    [InlineData("99999", "99999", null)]
    public void Build_UnknownCode_IsOtherWithCodeAndNameKeptNeverAnError(string actionId, string vendorAction, string? vendorName)
    {
        var e = One(Record(actionId, "File Marked As Favorite: a.docx"));

        Assert.Equal((AuditCategory.Other, AuditActions.Other, AuditOutcome.Unknown), (e.Category, e.Action, e.Outcome));
        Assert.Equal((vendorAction, vendorName), (e.VendorAction, e.VendorActionName));
        Assert.Equal("File Marked As Favorite: a.docx", e.Details["action"].AsString());
    }

    [Theory]
    [InlineData("5055", "[1]", "File Marked As Favorite: a.docx", "My documents", "a.docx")]
    [InlineData("\"AddedRoomTags\"", "[\"Room\"]", "Added tags: [contracts, 2025]", "Rooms: Legal", "Legal")]
    [InlineData("5999", "[23]", "User updated: Anna", "People", null)]
    public void Build_UnknownCode_TitleFoundByItsEntryType(string actionId, string entries, string sentence, string context, string? title)
    {
        var record = Record(actionId, sentence, context).TrimEnd('}') + ",\"entries\":" + entries + "}";

        var e = One(record);

        Assert.Equal((AuditActions.Other, title), (e.Action, e.Resource));
    }

    [Fact]
    public void Build_LoginCodeInTheTrail_MapsAsInTheLoginHistory()
    {
        var e = One(Record(1002));

        Assert.Equal((AuditCategory.Authentication, AuditActions.Login, AuditOutcome.Failure, "1002"), (e.Category, e.Action, e.Outcome, e.VendorAction));
    }

    [Fact]
    public void Parse_RecordWithoutId_IsMalformed()
    {
        var body = Encoding.UTF8.GetBytes("{\"response\":[{\"date\":\"2025-06-02T12:15:42Z\",\"actionId\":5011}],\"status\":0}");

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => new TrailPageParser().Parse(body, 200, 1));
    }
}
