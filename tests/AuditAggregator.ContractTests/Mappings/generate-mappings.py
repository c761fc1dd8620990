#!/usr/bin/env python3
"""Writes the WireMock stub mappings of the contract tests (one folder per vendor).

The bodies follow the vendors' OpenAPI documents (../Contracts) and the server quirks the simulators reproduce
(samples/AuditAggregator.Simulators/README.md). Each scenario is selected by its own credential (DocSpace:
Authorization or the asc_auth_key cookie; ExaVault: ev-api-key), so the one WireMock.Net server can hold every
scenario at once. Use only the fields Stubs/StubMappingFields.cs lists (a test fails on any other). Run it from
this folder after changing a scenario:
    python3 generate-mappings.py
"""
import base64
import datetime as dt
import json
import os
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
DOCSPACE_FILTER = "/api/2.0/security/audit/login/filter"
DOCSPACE_LAST = "/api/2.0/security/audit/login/last"
DOCSPACE_REPORT = "/api/2.0/security/audit/login/report"
DOCSPACE_TRAIL_FILTER = "/api/2.0/security/audit/events/filter"
EXAVAULT_SESSION = "/api/v2/activity/session"
EXAVAULT_WEBHOOKS = "/api/v2/activity/webhooks"
JSON = {"Content-Type": "application/json; charset=utf-8"}

# ---------------------------------------------------------------------------------------------------------- DocSpace

DOCSPACE_USERS = [
    ("Jane Smith", "3c1b2c7e-9f4a-4d2e-8a51-6f0e2b9d7a10", "jane.smith@example.com"),
    ("Ivan Petrov", "8d6f1a2b-4c3e-4f5a-9b8c-7d6e5f4a3b21", "ivan.petrov@example.com"),
    ("Anna Berzina", "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716", "anna.berzina@example.com"),
]
DOCSPACE_ACTIONS = [
    (1000, "Login Success"), (1002, "Login Fail. Invalid username-password combination"), (1006, "Logout"),
    (1010, "Login Success via API"), (1016, "Session started"), (1017, "Session completed"),
    (1023, "Login Fail. Too many attempts"), (1028, "Login Success via OAuth 2.0"),
]


def docspace_event(n, newest_id=50000, newest=dt.datetime(2025, 6, 2, 12, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))):
    """The n-th event of the portal log, newest first: ids fall by one, time by seven minutes."""
    action_id, action = DOCSPACE_ACTIONS[n % len(DOCSPACE_ACTIONS)]
    name, user_id, login = DOCSPACE_USERS[n % len(DOCSPACE_USERS)]
    failed = action_id in (1002, 1023)
    when = newest - dt.timedelta(minutes=7 * n, seconds=n % 60)
    event = {
        "id": newest_id - n,
        "date": when.strftime("%Y-%m-%dT%H:%M:%S.0000000") + when.strftime("%z")[:3] + ":" + when.strftime("%z")[3:],
        "user": "unknown@example.com" if failed else name,
        "userId": "00000000-0000-0000-0000-000000000000" if failed else user_id,
        "login": "unknown@example.com" if failed else login,
        "action": action,
        "actionId": action_id,
        "ip": "203.0.113.%d" % (n % 250 + 1) if n % 11 else "2001",  # an IPv6 address arrives cut at the first ':'
        "country": "Latvia",
        "city": "Riga",
        "browser": "Chrome 125.0",
        "platform": "Windows 10",
        "page": "https://portal.example.com/login",
    }
    if n % 5 == 4:  # a null property is omitted, not sent as null
        del event["city"]
        del event["country"]
    return event


def docspace_envelope(items, href):
    return {"response": items, "count": len(items), "links": [{"href": href, "action": "GET"}], "status": 0, "statusCode": 200}


def docspace_error(status, message, with_stack=False):
    error = {"message": message}
    if with_stack:
        error.update({"type": "System.InvalidOperationException", "stack": "   at ASC.Web.Api.Controllers.SecurityController.GetLoginEventsByFilter()", "hresult": -2146233079})
    return {"status": 1, "statusCode": status, "error": error}


def auth(header):
    return {"Authorization": {"equalTo": header}}


def filter_page(name, headers, start, count, body, status=200, extra=None, deviations=None, cookies=None, scenario=None):
    request = {
        "method": "GET",
        "urlPath": DOCSPACE_FILTER,
        "queryParameters": {"startIndex": {"equalTo": str(start)}, "count": {"equalTo": str(count)}},
    }
    if headers:
        request["headers"] = headers
    if cookies:
        request["cookies"] = cookies
    response = {"status": status}
    if body is not None:
        response["headers"] = dict(JSON, **(extra or {}))
        response["jsonBody"] = body
    elif extra:
        response["headers"] = extra
    mapping = {"name": name, "request": request, "response": response}
    if scenario:
        mapping.update(scenario)
    if deviations:
        mapping["metadata"] = {"contract": {"deviations": deviations}}
    return mapping


def docspace():
    files = {}
    href = "http://portal.example.com" + DOCSPACE_FILTER

    # Paging: three full pages of 100 and a short fourth, startIndex 0, 100, 200, 300.
    pages = []
    for page, size in enumerate([100, 100, 100, 7]):
        items = [docspace_event(page * 100 + i) for i in range(size)]
        pages.append(filter_page(f"docspace paging page {page + 1}", auth("Bearer sk-contract-paging"), page * 100, 100,
                                 docspace_envelope(items, href), deviations=["DocSpace.CountIsPageSize"]))
    files["filter-paging.json"] = pages

    # An empty first page: the log has no events at all.
    files["filter-empty.json"] = [filter_page("docspace empty first page", auth("Bearer sk-contract-empty"), 0, 100, docspace_envelope([], href))]

    # Every authentication scheme the server really reads; each answers one short page.
    short = docspace_envelope([docspace_event(i) for i in range(3)], href)
    basic = base64.b64encode(b"auditor@example.com:contract-password").decode()
    jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjb250cmFjdCJ9.c2lnbmF0dXJl"
    files["auth-schemes.json"] = [
        filter_page("docspace auth api key", auth("Bearer sk-contract-apikey"), 0, 100, short, deviations=["DocSpace.ApiKeyBearerHeaderIgnored"]),
        filter_page("docspace auth oauth bearer", auth("Bearer " + jwt), 0, 100, short),
        filter_page("docspace auth basic", auth("Basic " + basic), 0, 100, short),
        filter_page("docspace auth session cookie", None, 0, 100, short, cookies={"asc_auth_key": {"equalTo": "contract-session-token"}}),
    ]

    # Errors: one credential per status.
    files["errors.json"] = [
        filter_page("docspace 400 validation", auth("Bearer sk-contract-400"), 0, 100,
                    {"response": {"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "One or more validation errors occurred.", "status": 400,
                                  "errors": {"count": ["The field count must be between 1 and 100."]}, "traceId": "00-8f1c-01"},
                     "count": 1, "links": [{"href": href, "action": "GET"}], "status": 1, "statusCode": 400},
                    status=400, deviations=["DocSpace.ValidationErrorInSuccessEnvelope"]),
        filter_page("docspace 401 empty body", auth("Bearer sk-contract-401"), 0, 100, None, status=401, deviations=["DocSpace.EmptyErrorBody"]),
        filter_page("docspace 402 plan", auth("Bearer sk-contract-402"), 0, 100,
                    docspace_error(402, "Your pricing plan does not support this option"), status=402, deviations=["DocSpace.UndeclaredErrorBody"]),
        filter_page("docspace 403 access denied", auth("Bearer sk-contract-403"), 0, 100,
                    docspace_error(403, "Access denied"), status=403, deviations=["DocSpace.UndeclaredErrorBody"]),
        filter_page("docspace 429 throttled", auth("Bearer sk-contract-429"), 0, 100,
                    docspace_error(429, "Too many requests"), status=429,
                    extra={"Retry-After": "0", "X-RateLimit-Limit": "1500", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1"}),
        filter_page("docspace 500 server error", auth("Bearer sk-contract-500"), 0, 100,
                    docspace_error(500, "Object reference not set to an instance of an object.", with_stack=True), status=500),
    ]

    # Retry-After honoured: 429 with Retry-After: 1, then the page.
    retry = {"scenarioName": "docspace-retry-after"}
    files["retry-after.json"] = [
        filter_page("docspace throttled once", auth("Bearer sk-contract-retry"), 0, 100, None, status=429,
                    extra={"Retry-After": "1", "X-RateLimit-Limit": "1500", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1"},
                    deviations=["DocSpace.EmptyErrorBody"],
                    scenario=dict(retry, requiredScenarioState="Started", newScenarioState="throttled once")),
        filter_page("docspace after Retry-After", auth("Bearer sk-contract-retry"), 0, 100, short,
                    scenario=dict(retry, requiredScenarioState="throttled once")),
    ]

    # The typed client's server-side filters, every one of them: uuid, action by number, UTC dates with 'Z'.
    window = filter_page("docspace filtered window", auth("Bearer sk-contract-window"), 0, 50, docspace_envelope([docspace_event(i) for i in (0, 8)], href))
    window["request"]["queryParameters"].update({
        "userId": {"equalTo": DOCSPACE_USERS[0][1]}, "action": {"equalTo": "1000"},
        "from": {"equalTo": "2025-06-01T00:00:00Z"}, "to": {"equalTo": "2025-06-03T00:00:00Z"}})
    files["filter-window.json"] = [window]

    # /last: the 20 newest events (a plan without the audit option answers /filter with exactly these).
    files["last.json"] = [{
        "name": "docspace last 20",
        "request": {"method": "GET", "urlPath": DOCSPACE_LAST, "headers": {"Authorization": {"matches": "Bearer sk-contract-.*"}}},
        "response": {"status": 200, "headers": JSON, "jsonBody": docspace_envelope([docspace_event(i) for i in range(20)], "http://portal.example.com" + DOCSPACE_LAST)},
    }]

    # The report, in both shapes: the running servers' plain URL and the newest spec's asynchronous job.
    job = {"id": "DocumentBuilderTask_1_c2b0e3a4-1f6c-4c2e-9c4f-3a5d8b7e1c22", "error": None, "percentage": 100, "isCompleted": True,
           "status": 2, "resultFileId": 1234, "resultFileName": "LoginHistoryReport.xlsx", "resultFileUrl": "/doceditor?fileid=1234"}
    running = dict(job, percentage=60, isCompleted=False, status=1, resultFileId=None, resultFileName=None, resultFileUrl=None)
    wrap = lambda dto: {"response": dto, "count": 1, "links": [{"href": "http://portal.example.com" + DOCSPACE_REPORT, "action": "POST"}], "status": 0, "statusCode": 200}
    files["report.json"] = [
        {"name": "docspace report plain url",
         "request": {"method": "POST", "urlPath": DOCSPACE_REPORT, "headers": auth("Bearer sk-contract-report-url")},
         "response": {"status": 200, "headers": JSON, "jsonBody": {
             "response": "http://portal.example.com/Products/Files/HttpHandlers/filehandler.ashx?action=view&fileid=4711&filename=LoginHistoryReport.csv",
             "count": 1, "links": [{"href": "http://portal.example.com" + DOCSPACE_REPORT, "action": "POST"}], "status": 0, "statusCode": 200}},
         "metadata": {"contract": {"deviations": ["DocSpace.ReportAnswersPlainUrl"]}}},
        {"name": "docspace report job queued",
         "request": {"method": "POST", "urlPath": DOCSPACE_REPORT, "headers": auth("Bearer sk-contract-report-job")},
         "response": {"status": 200, "headers": JSON, "jsonBody": wrap(running)}},
        {"name": "docspace report job done",
         "request": {"method": "GET", "urlPath": DOCSPACE_REPORT, "headers": auth("Bearer sk-contract-report-job")},
         "response": {"status": 200, "headers": JSON, "jsonBody": wrap(job)},
         "metadata": {"contract": {"deviations": ["DocSpace.ResultFileIdTypedNull"]}}},
    ]
    return files

# ---------------------------------------------------------------------------------------------------------- ExaVault

EXAVAULT_OPERATIONS = ["PASS", "STOR", "RETR", "DELE", "MKD", "RNTO", "MOVE", "EXIT"]
EXAVAULT_EVENTS = ["resources.upload", "resources.download", "resources.delete", "resources.createFolder", "resources.rename"]
RATE = {"X-RateLimit-Limit": "50000", "X-RateLimit-Remaining": "49000"}


def session_entry(n):
    when = dt.datetime(2021, 5, 10, 20, 44, 59, tzinfo=dt.timezone.utc) - dt.timedelta(minutes=3 * n)
    operation = EXAVAULT_OPERATIONS[n % len(EXAVAULT_OPERATIONS)]
    attributes = {
        # ISO 8601 with 'Z' or an offset; both occur.
        "created": when.strftime("%Y-%m-%dT%H:%M:%SZ") if n % 3 else (when.astimezone(dt.timezone(dt.timedelta(hours=-7)))).isoformat(),
        "sessionId": uuid.UUID(int=0x60999b4b8e2f1c3d7a95b06e4f18a2c9 + n // 4).hex + "b06e4",
        "ipAddress": "203.0.113.%d" % (n % 250 + 1),
        "username": ["jdoe", "asmith", "ops"][n % 3],
        "operation": operation,
        "protocol": ["web", "sftp", "ftp"][n % 3],
        "status": "failed" if operation == "PASS" and n % 2 else "-",
        "fileName": "" if operation in ("PASS", "EXIT") else f"/Production/Inbound/report-{n}.csv",
        "fileSource": "",
        "bytesTransferred": 10815676 + n if operation in ("STOR", "RETR") else 0,
        "duration": n % 7,
    }
    if n % 7 == 6:
        del attributes["fileSource"]  # every attribute may be missing
    return {"type": "sessionActivity", "id": 48213377 - n, "attributes": attributes}


def webhook_entry(n):
    when = dt.datetime(2021, 5, 10, 13, 45, 39, tzinfo=dt.timezone(dt.timedelta(hours=-7))) - dt.timedelta(minutes=5 * n)
    fmt = "v1" if n % 3 == 1 else "v2"
    event = EXAVAULT_EVENTS[n % len(EXAVAULT_EVENTS)]
    path = f"/Production/Inbound/file-{n}.csv"
    attributes = {
        "webhookId": 311, "webhookFormat": fmt, "webhookPath": "/Production", "accountId": "7",
        "attemptId": "60999b73c1f0%02x" % n, "resend": n % 4 == 3, "created": when.isoformat(),
        "endpointUrl": "https://example.com/api/webhook", "event": event, "status": 200 if n % 5 else 500,
        "response": "OK" if n % 5 else "Internal Server Error", "ipAddress": "203.0.113.24", "resourcePath": path, "username": "jdoe",
    }
    if fmt == "v1":
        attributes["details"] = {"accountName": "exampleaccount", "attempt": 1 + n % 3, "attemptId": attributes["attemptId"],
                                 "event": event, "protocol": "web", "username": "jdoe"}
    else:
        resource = {"id": 2559471 + n, "hash": "f836b417707583b017a26d4e5a2e6d%02x" % n, "name": f"file-{n}.csv", "path": path,
                    "type": "file", "size": 10815676, "fileCount": None, "previewable": False, "createdBy": "jdoe",
                    "createdAt": when.isoformat(), "updatedAt": when.isoformat(), "uploadDate": when.isoformat(), "accessedAt": when.isoformat()}
        attributes["details"] = {"accountName": "exampleaccount", "attemptId": attributes["attemptId"], "event": event,
                                 "eventTimestamp": when.isoformat(), "ipAddress": "203.0.113.24", "protocol": "web", "username": "jdoe",
                                 "eventData": {"resources": [resource], "transferStatus": "success"}}
    return {"type": "webhookActivity", "id": 2602725 - n, "attributes": attributes}


WINDOW = {"startDate": {"equalTo": "2021-05-01T00:00:00Z"}, "endDate": {"equalTo": "2021-05-11T00:00:00Z"}, "sort": {"equalTo": "-date"}}


def exavault_page(name, path, key, offset, limit, entries, status=200, body=None, extra=None, deviations=None, scenario=None, query=None):
    request = {"method": "GET", "urlPath": path,
               "headers": {"ev-api-key": {"equalTo": key}, "ev-access-token": {"equalTo": "contract-access-token"}}}
    if offset is not None:
        request["queryParameters"] = {"offset": {"equalTo": str(offset)}, "limit": {"equalTo": str(limit)}, **(query or {})}
    if body is None:
        body = {"responseStatus": 200, "totalResults": 0, "returnedResults": len(entries), "data": entries}
    mapping = {"name": name, "request": request,
               "response": {"status": status, "headers": {**JSON, **RATE, **(extra or {})}, "jsonBody": body}}
    if scenario:
        mapping.update(scenario)
    if deviations:
        mapping["metadata"] = {"contract": {"deviations": deviations}}
    return mapping


def exavault_error(status, code, detail):
    return {"responseStatus": status, "errors": [{"code": code, "detail": detail}]}


WEBHOOK_DEVIATIONS = ["ExaVault.WebhookOneOfWithoutMapping", "ExaVault.FileCountNullNotNullable"]
PAGE = 25


def exavault():
    files = {}
    # Sessions: three full pages of 25 and a short fourth, offset 0, 25, 50, 75.
    files["session-paging.json"] = [
        exavault_page(f"exavault sessions page {p + 1}", EXAVAULT_SESSION, "contract-paging", p * PAGE, PAGE,
                      [session_entry(p * PAGE + i) for i in range(size)], query=WINDOW)
        for p, size in enumerate([PAGE, PAGE, PAGE, 4])]
    # Webhooks, v1 and v2 mixed: three full pages and an empty fourth.
    files["webhook-paging.json"] = [
        exavault_page(f"exavault webhooks page {p + 1}", EXAVAULT_WEBHOOKS, "contract-paging", p * PAGE, PAGE,
                      [webhook_entry(p * PAGE + i) for i in range(size)], deviations=WEBHOOK_DEVIATIONS if size else None, query=WINDOW)
        for p, size in enumerate([PAGE, PAGE, PAGE, 0])]
    # Server-side filters: the window and the username (the old name 'userName' is silently ignored by the server).
    by_user = dict(WINDOW, username={"equalTo": "jdoe"})
    files["username-filter.json"] = [
        exavault_page("exavault sessions by username", EXAVAULT_SESSION, "contract-username", 0, PAGE,
                      [session_entry(i) for i in (0, 3, 6)], query=by_user),
        exavault_page("exavault webhooks by username", EXAVAULT_WEBHOOKS, "contract-username", 0, PAGE,
                      [webhook_entry(i) for i in (0, 1)], deviations=WEBHOOK_DEVIATIONS, query=by_user),
    ]
    # Empty first pages.
    files["empty.json"] = [
        exavault_page("exavault sessions empty", EXAVAULT_SESSION, "contract-empty", 0, PAGE, []),
        exavault_page("exavault webhooks empty", EXAVAULT_WEBHOOKS, "contract-empty", 0, PAGE, []),
    ]
    # Errors, one key per status, on both routes.
    errors = [(400, "ERROR_INVALID_PARAMETER", "Invalid sort field"), (401, "ERROR_INVALID_CREDENTIALS", "HTTP_UNAUTHORIZED"),
              (403, "ERROR_ACCESS_DENIED", "Access denied"), (429, "ERROR_RATE_LIMIT_EXCEEDED", "Daily transaction allowance exceeded"),
              (500, "ERROR_INTERNAL", "Internal server error")]
    files["errors.json"] = [
        exavault_page(f"exavault {route} {status}", path, f"contract-{status}", None, None, [], status=status,
                      body=exavault_error(status, code, detail), deviations=["ExaVault.OnlyStatus200Documented"],
                      extra={"X-RateLimit-Remaining": "0"} if status == 429 else None)
        for status, code, detail in errors
        for route, path in (("sessions", EXAVAULT_SESSION), ("webhooks", EXAVAULT_WEBHOOKS))]
    # Retry-After honoured (not documented by ExaVault, but a client must honour it when sent): 429, then the page.
    retry = {"scenarioName": "exavault-retry-after"}
    files["retry-after.json"] = [
        exavault_page("exavault throttled once", EXAVAULT_SESSION, "contract-retry", 0, PAGE, [], status=429,
                      body=exavault_error(429, "ERROR_RATE_LIMIT_EXCEEDED", "Too many requests"), extra={"Retry-After": "1"},
                      deviations=["ExaVault.OnlyStatus200Documented"],
                      scenario=dict(retry, requiredScenarioState="Started", newScenarioState="throttled once")),
        exavault_page("exavault after Retry-After", EXAVAULT_SESSION, "contract-retry", 0, PAGE, [session_entry(i) for i in range(2)],
                      scenario=dict(retry, requiredScenarioState="throttled once")),
    ]
    return files


# ------------------------------------------------------------------------------------------- DocSpace audit trail

TRAIL_ACTIONS = [
    (5011, 13, 1, [1], "File Uploaded: {t}"), (5009, 12, 1, [1], "File Downloaded: {t}"),
    (5018, 3, 1, [1], "File Deleted: {t}"), (5008, 11, 1, [1], "Files [{t}]. Access Updated"),
    (5091, 1, 1, [1], "Files [{t}]. External link created: Shared link. Role: Viewer"),
    (5015, 15, 1, [1, 2], 'Files [{t}]. Moved From Folder "Drafts" To Folder: "Final"'),
    (5070, 1, 27, [25], "Room created"), (5055, 2, 1, [1], "File Marked As Favorite: {t}"),
]


def trail_event(n, newest=dt.datetime(2025, 6, 1, 23, 55, 0, tzinfo=dt.timezone.utc)):
    """The n-th event of the audit trail, newest first: ids fall by two, time by nine minutes."""
    code, action_type, location, entries, text = TRAIL_ACTIONS[n % len(TRAIL_ACTIONS)]
    name, user_id, _ = DOCSPACE_USERS[n % len(DOCSPACE_USERS)]
    when = (newest - dt.timedelta(minutes=9 * n)).astimezone(dt.timezone(dt.timedelta(hours=3)))
    title = "contract-%03d.docx" % n
    event = {
        "id": 70000 - 2 * n,
        "date": when.strftime("%Y-%m-%dT%H:%M:%S.0000000+03:00"),
        "user": name,
        "userId": user_id,
        "action": text.format(t=title),
        "actionId": code,
        "ip": "203.0.113.%d" % (n % 250 + 1),
        "country": "Latvia",
        "city": "Riga",
        "browser": "Chrome 125.0",
        "platform": "Windows 10",
        "page": "https://portal.example.com/rooms/shared/18",
        "actionType": action_type,
        "product": 2,
        "location": location,
        "target": ["18"] if code == 5070 else [str(40000 + n)] + (["1402"] if code == 5015 else []),
        "entries": entries,
        "context": "Rooms: Contracts",
    }
    return event


def utc(when):
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def trail_page(name, key, body, query=None, status=200, deviations=None):
    request = {"method": "GET", "urlPath": DOCSPACE_TRAIL_FILTER, "headers": auth("Bearer " + key)}
    if query:
        request["queryParameters"] = {k: {"equalTo": v} for k, v in query.items()}
    response = {"status": status, "headers": dict(JSON), "jsonBody": body}
    mapping = {"name": name, "request": request, "response": response}
    if deviations:
        mapping["metadata"] = {"contract": {"deviations": deviations}}
    return mapping


def docspace_audit():
    files = {}
    href = "http://portal.example.com" + DOCSPACE_TRAIL_FILTER
    events = [trail_event(n) for n in range(156)]

    # The window [2025-06-01T00:00Z, 2025-06-02T00:00Z), sent as from/to; the second page moves 'to' down to the
    # oldest date of the first and holds that event again (the client drops it by id).
    window = {"from": "2025-06-01T00:00:00Z", "count": "100"}
    oldest = dt.datetime.fromisoformat(events[99]["date"])
    files["filter-window.json"] = [
        trail_page("docspace audit window page 1", "sk-contract-trail", docspace_envelope(events[:100], href),
                   dict(window, to="2025-06-01T23:59:59.9999999Z"), deviations=["DocSpace.CountIsPageSize"]),
        trail_page("docspace audit window page 2", "sk-contract-trail", docspace_envelope(events[99:], href),
                   dict(window, to=utc(oldest)), deviations=["DocSpace.CountIsPageSize"]),
    ]

    # No audit option in the plan: every request answers the 20 newest events, whatever it asked for.
    newest = [trail_event(n, newest=dt.datetime(2025, 6, 5, 8, 0, 0, tzinfo=dt.timezone.utc)) for n in range(20)]
    files["no-audit-plan.json"] = [
        trail_page("docspace audit no audit option", "sk-contract-trail-noaudit", docspace_envelope(newest, href)),
    ]

    # The setting hidden, or no administrator right.
    files["errors.json"] = [
        trail_page("docspace audit 402 plan", "sk-contract-trail-402", docspace_error(402, "Your pricing plan does not support this option"),
                   status=402, deviations=["DocSpace.UndeclaredErrorBody"]),
        trail_page("docspace audit 403 access denied", "sk-contract-trail-403", docspace_error(403, "Access denied"),
                   status=403, deviations=["DocSpace.UndeclaredErrorBody"]),
    ]
    return files


def write(vendor, files):
    folder = os.path.join(HERE, vendor)
    os.makedirs(folder, exist_ok=True)
    for name, mappings in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            json.dump({"mappings": mappings}, f, indent=2, ensure_ascii=False)
            f.write("\n")


if __name__ == "__main__":
    write("docspace", docspace())
    write("exavault", exavault())
    write("docspace-audit", docspace_audit())
