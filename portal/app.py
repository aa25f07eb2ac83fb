"""The portal: server-rendered pages for states (no JavaScript needed) and the JSON API.

Pages use a session cookie (HttpOnly, SameSite=Strict) and a CSRF token in every form; the API
(`/api/v1`, OpenAPI at `/api/v1/openapi.json`) uses bearer tokens. Every route but `/login`,
`/health`, `/static` and the OpenAPI document needs one or the other. What a user may see is
decided in one place per kind of thing: portal.uploads (submissions and reports) and
portal.shares (data shares).
"""

# No `from __future__ import annotations`: FastAPI reads the route functions' annotations,
# which name dependencies defined inside create_app.
import json
import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.background import BackgroundTask
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from contracts.rules import LANGUAGES, Language
from portal import accounts, audit, shares, uploads
from portal.accounts import Session, User
from portal.i18n import pick_language, translator
from portal.store import initialise
from warehouse.settings import Settings

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "vrs_session"
LANGUAGE_COOKIE = "vrs_lang"
# Multipart framing around the file: headers, boundary, the CSRF field.
MULTIPART_OVERHEAD = 64 * 1024
LOCKOUT_FAILURES = 5
LOCKOUT_WINDOW = timedelta(minutes=15)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- plumbing -------------------------------------------------------------------------------


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413 before they are parsed or spooled:
    by Content-Length when it is given, else by counting what arrives. Past the limit the
    application is told the client left (it stops reading), and the 413 goes out instead of
    whatever it would have answered."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"POST", "PUT", "PATCH"}:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(scope, send, self.limit)
            return
        seen = 0
        refused = False
        started = False

        async def counted() -> Message:
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    refused = True
                    if not started:
                        await _too_large(scope, send, self.limit)
                    return {"type": "http.disconnect"}
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 has been sent
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, counted, watched)


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    """413: JSON for the API, a short page for a browser's form."""
    message = f"the request is larger than the package limit ({limit:,} bytes)"
    if scope["path"].startswith("/api/"):
        body, kind = json.dumps({"detail": message}).encode(), b"application/json"
    else:
        body = f"<!doctype html><title>413</title><p>{message}</p>".encode()
        kind = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self'; script-src 'none'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "Cache-Control": "no-store",
}


class LoginRequired(Exception):
    """A page that needs a session was asked for without one."""


class Denied(Exception):
    """An authenticated user asked for something its role or state does not allow."""


class NotFound(Exception):
    """No such thing, or one the user may not know exists (the same answer for both)."""


def client_of(request: Request) -> str | None:
    return request.client.host if request.client else None


# --- the application ------------------------------------------------------------------------


def create_app(settings: Settings) -> FastAPI:
    initialise(settings)
    app = FastAPI(
        title="vrs portal API",
        version="1.0",
        description=(
            "Submission and data-share API of the voluntary reporting warehouse on migrant "
            "smuggling. Authenticate with `Authorization: Bearer <token>` (tokens are issued "
            "with `vrs users token`)."
        ),
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # the interactive pages load scripts from a CDN: the JSON is the spec
        redoc_url=None,
    )
    app.state.settings = settings
    templates = Jinja2Templates(directory=HERE / "templates")
    limit = settings.limits.max_package_bytes

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.add_middleware(BodyLimit, limit=limit + MULTIPART_OVERHEAD)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # --- who is asking -----------------------------------------------------------------

    def language_of(request: Request) -> Language:
        return pick_language(
            request.query_params.get("lang"),
            request.cookies.get(LANGUAGE_COOKIE),
            request.headers.get("accept-language"),
        )

    def page_session(request: Request) -> Session:
        value = request.cookies.get(SESSION_COOKIE)
        session = accounts.session_for(settings, value) if value else None
        if session is None:
            raise LoginRequired
        return session

    def api_user(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)],
    ) -> User:
        user = accounts.user_for_token(settings, credentials.credentials) if credentials else None
        if user is None:
            audit.record(
                settings,
                "api_auth",
                "denied",
                target=request.url.path,
                client=client_of(request),
            )
            raise _Unauthorised
        return user

    def check_csrf(session: Session, token: str) -> None:
        if not secrets.compare_digest(session.csrf, token or ""):
            raise Denied

    def render(
        request: Request,
        name: str,
        *,
        session: Session | None = None,
        status_code: int = 200,
        **context: Any,
    ) -> HTMLResponse:
        lang = language_of(request)
        response = templates.TemplateResponse(
            request,
            name,
            {
                "t": translator(lang),
                "lang": lang,
                "languages": LANGUAGES,
                "session": session,
                "user": session.user if session else None,
                "path": request.url.path,
                **context,
            },
            status_code=status_code,
        )
        if request.query_params.get("lang") in LANGUAGES:
            response.set_cookie(LANGUAGE_COOKIE, lang, samesite="strict", httponly=True)
        return response

    # --- errors --------------------------------------------------------------------------

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, _: LoginRequired) -> Response:
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(_Unauthorised)
    async def _unauthorised(request: Request, _: Exception) -> Response:
        return JSONResponse(
            {"detail": "a valid bearer token is required"},
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )

    @app.exception_handler(Denied)
    async def _denied(request: Request, _: Denied) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "forbidden"}, status_code=403)
        return render(request, "message.html", status_code=403, message_key="forbidden")

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, _: NotFound) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "not found"}, status_code=404)
        return render(request, "message.html", status_code=404, message_key="not_found")

    def refuse(request: Request, user: User, what: str, target: str) -> None:
        audit.record(settings, what, "denied", user=user, target=target, client=client_of(request))

    # --- public ------------------------------------------------------------------------------

    @app.get("/health", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/login", include_in_schema=False)
    def login_page(request: Request) -> HTMLResponse:
        return render(request, "login.html")

    @app.post("/login", include_in_schema=False)
    def login(
        request: Request,
        username: Annotated[str, Form(max_length=100)] = "",
        password: Annotated[str, Form(max_length=1000)] = "",
    ) -> Response:
        since = datetime.now(UTC) - LOCKOUT_WINDOW
        if audit.recent_failures(settings, username, since) >= LOCKOUT_FAILURES:
            audit.record(settings, "login", "locked", actor=username, client=client_of(request))
            return render(request, "login.html", status_code=429, error_key="login_locked")
        user = accounts.authenticate(settings, username, password)
        if user is None:
            audit.record(settings, "login", "denied", actor=username, client=client_of(request))
            return render(request, "login.html", status_code=401, error_key="login_failed")
        audit.record(settings, "login", "ok", user=user, client=client_of(request))
        response = RedirectResponse("/submissions", status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            accounts.open_session(settings, user),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            max_age=int(accounts.SESSION_LIFETIME.total_seconds()),
        )
        return response

    # --- pages -------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def home(session: Annotated[Session, Depends(page_session)]) -> Response:
        return RedirectResponse("/submissions", status_code=303)

    @app.post("/logout", include_in_schema=False)
    def logout(
        request: Request,
        session: Annotated[Session, Depends(page_session)],
        csrf: Annotated[str, Form()] = "",
    ) -> Response:
        check_csrf(session, csrf)
        accounts.close_session(settings, request.cookies.get(SESSION_COOKIE, ""))
        audit.record(settings, "logout", "ok", user=session.user, client=client_of(request))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @app.get("/submissions", include_in_schema=False)
    def submissions_page(
        request: Request, session: Annotated[Session, Depends(page_session)]
    ) -> HTMLResponse:
        items = uploads.uploads_for(settings, session.user)
        return render(request, "submissions.html", session=session, uploads=items)

    @app.get("/submissions/{upload_id}", include_in_schema=False)
    def submission_page(
        request: Request, upload_id: str, session: Annotated[Session, Depends(page_session)]
    ) -> HTMLResponse:
        upload = visible_upload(request, session.user, upload_id)
        report = read_report(upload)
        return render(request, "submission.html", session=session, upload=upload, report=report)

    @app.get("/submissions/{upload_id}/report.{kind}", include_in_schema=False)
    def submission_report(
        request: Request,
        upload_id: str,
        kind: str,
        session: Annotated[Session, Depends(page_session)],
    ) -> Response:
        return report_file(request, session.user, upload_id, kind)

    @app.get("/upload", include_in_schema=False)
    def upload_page(
        request: Request, session: Annotated[Session, Depends(page_session)]
    ) -> HTMLResponse:
        return render(request, "upload.html", session=session, limit_mb=limit // 2**20)

    @app.post("/upload", include_in_schema=False)
    def upload_form(
        request: Request,
        session: Annotated[Session, Depends(page_session)],
        csrf: Annotated[str, Form()] = "",
        file: Annotated[UploadFile | None, File()] = None,
    ) -> HTMLResponse:
        check_csrf(session, csrf)
        lang = language_of(request)
        context: dict[str, Any] = {"session": session, "limit_mb": limit // 2**20}
        if file is None or not file.filename:
            return render(request, "upload.html", status_code=400, error_key="no_file", **context)
        outcome = accept_upload(request, session.user, file, lang)
        if isinstance(outcome, Response):
            status = outcome.status_code
            key = "too_large" if status == 413 else "forbidden"
            return render(request, "upload.html", status_code=status, error_key=key, **context)
        status = 403 if outcome.verdict == "refused" else 200
        return render(request, "upload.html", status_code=status, receipt=outcome, **context)

    @app.get("/template.xlsx", include_in_schema=False)
    def template_page(
        request: Request, session: Annotated[Session, Depends(page_session)]
    ) -> Response:
        return template_file(request, session.user, language_of(request))

    @app.get("/share", include_in_schema=False)
    def share_page(
        request: Request,
        session: Annotated[Session, Depends(page_session)],
        state: str | None = None,
    ) -> HTMLResponse:
        share = shares.share_for(settings, session.user, state)
        return render(request, "share.html", session=session, share=share)

    @app.get("/share/files/{name}", include_in_schema=False)
    def share_file_page(
        request: Request,
        name: str,
        session: Annotated[Session, Depends(page_session)],
        state: str | None = None,
    ) -> Response:
        return share_file(request, session.user, name, state)

    @app.get("/share.zip", include_in_schema=False)
    def share_zip_page(
        request: Request,
        session: Annotated[Session, Depends(page_session)],
        state: str | None = None,
    ) -> Response:
        return share_zip(request, session.user, state)

    # --- shared by pages and API ----------------------------------------------------------

    def visible_upload(request: Request, user: User, upload_id: str) -> uploads.Upload:
        upload = uploads.upload_for(settings, user, upload_id)
        if upload is None:
            refuse(request, user, "read_submission", upload_id)
            raise NotFound
        return upload

    def read_report(upload: uploads.Upload) -> dict[str, Any] | None:
        path = uploads.report_path(settings, upload, "json")
        return json.loads(path.read_text(encoding="utf-8")) if path else None

    def report_file(request: Request, user: User, upload_id: str, kind: str) -> Response:
        if kind not in {"json", "xlsx"}:
            raise NotFound
        upload = visible_upload(request, user, upload_id)
        path = uploads.report_path(settings, upload, kind)
        if path is None:
            raise NotFound
        audit.record(
            settings,
            "download",
            "ok",
            user=user,
            target=f"report/{upload_id}.{kind}",
            client=client_of(request),
        )
        media = "application/json" if kind == "json" else XLSX
        return FileResponse(path, media_type=media, filename=f"report-{upload_id}.{kind}")

    def accept_upload(
        request: Request, user: User, file: UploadFile, lang: Language | None
    ) -> uploads.Receipt | Response:
        client = client_of(request)
        if not user.may_upload:
            refuse(request, user, "upload", file.filename or "")
            raise Denied
        try:
            receipt = uploads.receive(
                settings, user, file.filename or "package", file.file, language=lang
            )
        except uploads.TooLarge as exc:
            audit.record(settings, "upload", "denied", user=user, client=client, reason=str(exc))
            return JSONResponse({"detail": str(exc)}, status_code=413)
        outcome = {"validated": "ok", "rejected": "rejected", "refused": "denied"}[receipt.verdict]
        audit.record(
            settings,
            "upload",
            outcome,
            user=user,
            target=receipt.upload_id,
            client=client,
            submission_id=receipt.submission_id,
            reporting_state=receipt.reporting_state,
            verdict=receipt.verdict,
            errors=receipt.report["submission"]["errors"],
        )
        return receipt

    def template_file(request: Request, user: User, lang: Language) -> Response:
        from portal.workbook_template import build_template

        audit.record(
            settings,
            "download",
            "ok",
            user=user,
            target=f"template/{lang}",
            client=client_of(request),
        )
        return Response(
            build_template(lang),
            media_type=XLSX,
            headers={"Content-Disposition": f'attachment; filename="vrs-template-{lang}.xlsx"'},
        )

    def share_file(request: Request, user: User, name: str, state: str | None) -> Response:
        share = shares.share_for(settings, user, state)
        path = share.files.get(name) if share else None
        if share is None or path is None:
            refuse(request, user, "download_share", f"{state or user.state}/{name}")
            raise NotFound
        audit.record(
            settings,
            "download",
            "ok",
            user=user,
            target=f"share/{share.scope}/{name}",
            client=client_of(request),
            build_id=share.build_id,
        )
        return FileResponse(path, filename=name, media_type="application/octet-stream")

    def share_zip(request: Request, user: User, state: str | None) -> Response:
        share = shares.share_for(settings, user, state)
        if share is None:
            refuse(request, user, "download_share", f"{state or user.state}/share.zip")
            raise NotFound
        archive = shares.zip_share(share)
        audit.record(
            settings,
            "download",
            "ok",
            user=user,
            target=f"share/{share.scope}/share.zip",
            client=client_of(request),
            build_id=share.build_id,
        )
        return FileResponse(
            archive,
            media_type="application/zip",
            filename=f"vrs-share-{share.scope}-{share.build_id}.zip",
            background=BackgroundTask(archive.unlink, missing_ok=True),
        )

    # --- the JSON API --------------------------------------------------------------------

    api = APIRouter(prefix="/api/v1")
    ApiUser = Annotated[User, Depends(api_user)]

    @api.get("/me", response_model=MeOut, summary="Who the token belongs to")
    def me(user: ApiUser) -> MeOut:
        return MeOut(username=user.username, role=user.role.value, state=user.state)

    @api.get(
        "/template.xlsx",
        summary="The Excel reporting template",
        response_class=Response,
        responses={200: {"content": {XLSX: {}}}},
    )
    def api_template(request: Request, user: ApiUser, language: Language = "en") -> Response:
        return template_file(request, user, language)

    @api.post(
        "/submissions",
        status_code=201,
        summary="Upload a package: it is archived, validated, and (if accepted) queued",
        responses={
            201: {"model": ReceiptOut, "description": "accepted and queued for the warehouse"},
            403: {"description": "not a submitter, or a package for another state"},
            413: {"description": "larger than the package limit"},
            422: {"model": ReceiptOut, "description": "rejected: the report says why"},
        },
        response_model=ReceiptOut,
    )
    def api_upload(
        request: Request,
        user: ApiUser,
        file: Annotated[UploadFile, File(description="the package: .xlsx, .zip or .json")],
        language: Language | None = None,
    ) -> Response:
        outcome = accept_upload(request, user, file, language)
        if isinstance(outcome, Response):
            return outcome
        if outcome.verdict == "refused":
            return JSONResponse(
                {
                    "detail": "a submitter may only submit packages for its own state",
                    "upload_id": outcome.upload_id,
                    "reporting_state": outcome.reporting_state,
                },
                status_code=403,
            )
        body = ReceiptOut(
            upload_id=outcome.upload_id,
            submission_id=outcome.submission_id,
            verdict=outcome.verdict,
            report=outcome.report,
        )
        return JSONResponse(
            body.model_dump(),
            status_code=201 if outcome.verdict == "validated" else 422,
            headers={"Location": f"/api/v1/submissions/{outcome.upload_id}"},
        )

    # the API describes a submission with the same record the pages show (a dataclass)
    @api.get("/submissions", response_model=list[uploads.Upload], summary="My submissions")
    def api_submissions(
        user: ApiUser,
        state: Annotated[
            str | None, Query(pattern="^[A-Z]{3}$", description="secretariat only: one state")
        ] = None,
    ) -> list[uploads.Upload]:
        return uploads.uploads_for(settings, user, state=state if user.is_secretariat else None)

    @api.get(
        "/submissions/{upload_id}",
        response_model=uploads.Upload,
        summary="One submission and its status",
        responses={404: {"description": "no such submission (or not yours)"}},
    )
    def api_submission(request: Request, upload_id: str, user: ApiUser) -> uploads.Upload:
        return visible_upload(request, user, upload_id)

    @api.get(
        "/submissions/{upload_id}/report",
        summary="The validation report (JSON)",
        responses={404: {"description": "no such submission (or not yours)"}},
    )
    def api_report(request: Request, upload_id: str, user: ApiUser) -> Response:
        return report_file(request, user, upload_id, "json")

    @api.get(
        "/submissions/{upload_id}/report.xlsx",
        summary="The annotated workbook (or listing) of the report",
        response_class=Response,
        responses={200: {"content": {XLSX: {}}}, 404: {"description": "no such submission"}},
    )
    def api_report_xlsx(request: Request, upload_id: str, user: ApiUser) -> Response:
        return report_file(request, user, upload_id, "xlsx")

    @api.get(
        "/share",
        response_model=ShareOut,
        summary="My data share: what it holds and where to download it",
        responses={404: {"description": "nothing published yet"}},
    )
    def api_share(
        request: Request,
        user: ApiUser,
        state: Annotated[str | None, Query(pattern="^[A-Z]{3}$")] = None,
    ) -> ShareOut:
        share = shares.share_for(settings, user, state)
        if share is None:
            raise NotFound
        return ShareOut(
            scope=share.scope,
            build_id=share.build_id,
            files=sorted(share.files),
            manifest=share.manifest,
        )

    @api.get(
        "/share/files/{name}",
        summary="One file of my data share",
        response_class=Response,
        responses={404: {"description": "no such file in my share"}},
    )
    def api_share_file(
        request: Request,
        name: str,
        user: ApiUser,
        state: Annotated[str | None, Query(pattern="^[A-Z]{3}$")] = None,
    ) -> Response:
        return share_file(request, user, name, state)

    @api.get(
        "/share.zip",
        summary="My whole data share as a zip (DuckDB file and Parquet)",
        response_class=Response,
        responses={200: {"content": {"application/zip": {}}}, 404: {"description": "none"}},
    )
    def api_share_zip(
        request: Request,
        user: ApiUser,
        state: Annotated[str | None, Query(pattern="^[A-Z]{3}$")] = None,
    ) -> Response:
        return share_zip(request, user, state)

    app.include_router(api)
    return app


class _Unauthorised(Exception):
    pass


# Declares the scheme in the OpenAPI document; api_user does the checking (401, audited).
BEARER = HTTPBearer(auto_error=False, description="an API token from `vrs users token`")


# --- API models -------------------------------------------------------------------------------


class MeOut(BaseModel):
    username: str
    role: str
    state: str | None


class ReceiptOut(BaseModel):
    upload_id: str
    submission_id: str
    verdict: str
    report: dict[str, Any]


class ShareOut(BaseModel):
    scope: str
    build_id: str
    files: list[str]
    manifest: dict[str, Any]
